#include "Round.hpp"

#include <random>
#include <sstream>
#include <stdexcept>

#include "Bot.hpp"
#include "Codec.hpp"

namespace nim
{

std::string Round::boardText() const
{
    std::ostringstream text;
    text << m_heaps;
    return text.str();
}

std::string Round::lastEventText() const
{
    const std::string& moves = m_heaps.moves();
    if (moves.empty())
        return {};
    const Move last = *parseMove(moves.substr(moves.size() - 2));
    const Seat mover = other(seatToMove());
    return seatName(mover) + " takes " + std::to_string(last.count) + " from heap " + moveName(last).substr(0, 1);
}

engine::BotJob Round::botJob(int level) const
{
    // The perfect move is found at once, so the search needs neither the deadline nor the cancel flag.
    return [heaps = m_heaps, chosen = engine::botLevelAt(level)](const engine::BotControl&) -> std::string
    {
        if (heaps.isOver())
            return {};
        std::mt19937 random(std::random_device{}());
        return moveName(chooseMove(heaps, chosen, random));
    };
}

bool Round::load(std::string_view position, std::string& error)
{
    try
    {
        m_heaps = Heaps(position);
        return true;
    }
    catch (const std::invalid_argument& invalid)
    {
        error = invalid.what();
        return false;
    }
}

std::optional<Round::Seat> Round::winner() const
{
    if (const auto player = m_heaps.winner())
        return *player == 0 ? Seat::First : Seat::Second;
    return std::nullopt;
}

bool Round::playLocal(std::string_view action, nlohmann::json& move, std::string& error)
{
    const auto parsed = parseMove(action);
    if (!parsed)
    {
        error = "\"" + std::string(action) + "\" is not a heap a-c and a count, such as b2";
        return false;
    }
    if (!m_heaps.take(*parsed))
    {
        const int left = m_heaps.size(parsed->heap);
        error = "heap " + moveName(*parsed).substr(0, 1) + (left ? " has only " + std::to_string(left) : " is empty");
        return false;
    }
    move = encodeMove(*parsed);
    return true;
}

bool Round::playRemote(const nlohmann::json& move, std::string& error)
{
    const auto decoded = decodeMove(move, m_heaps, error);
    return decoded && m_heaps.take(*decoded);
}

} // namespace nim
