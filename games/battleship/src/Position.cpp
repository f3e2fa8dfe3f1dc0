#include "Position.hpp"

#include <algorithm>
#include <cctype>
#include <random>
#include <sstream>
#include <variant>

#include <mqttgames/battleship/Bot.hpp>
#include <mqttgames/battleship/Commitment.hpp>

namespace battleship
{

namespace
{

bool isNumber(const std::string& word, std::size_t maxDigits)
{
    return !word.empty() && word.size() <= maxDigits &&
           std::ranges::all_of(word, [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
}

// The position being built: our protocol, and what the partner has of the round.
class Script
{
public:
    Script(bool localStarts, const Fleet& ours, const Fleet& theirs)
        : m_ours(localStarts), m_theirSea(theirs), m_theirReveal{theirs.toText(), randomSalt()}
    {
        m_ours.place(ours, randomSalt());
        m_ours.receive(Commit{commitmentOf(theirs, m_theirReveal.salt)});
    }

    const Protocol& ours() const { return m_ours; }

    // One shot by whoever's turn it is, with its answer (and the partner's reveal once a fleet sank).
    bool fire(Coord cell, std::string& error)
    {
        if (m_ours.stage() != Stage::Shooting)
        {
            error = "the game is over before the shot " + toString(cell);
            return false;
        }
        Protocol::Step step = m_ours.localShoots() ? m_ours.shoot(cell) : m_ours.receive(Fire{cell});
        if (step.accepted && m_ours.pendingShot())
            step = m_ours.receive(ShotRecord{cell, m_theirSea.receive(cell)});
        else if (step.accepted)
            m_theirView.record(cell, std::get<ShotRecord>(step.send.front()).answer);
        if (!step.accepted)
        {
            error = "shot " + toString(cell) + ": " + step.reason;
            return false;
        }
        if (m_ours.stage() == Stage::Revealing)
            m_ours.receive(m_theirReveal);
        return true;
    }

    // The shooter's next aim, as a medium bot sees its target sea.
    std::optional<Coord> aim(std::mt19937_64& random) const
    {
        return chooseShot(Level::Medium, m_ours.localShoots() ? m_ours.targetSea() : m_theirView, random);
    }

private:
    Protocol m_ours;
    OwnSea m_theirSea;     // answers our shots
    TargetSea m_theirView; // the partner's answers from our fleet: what its bot aims by
    Reveal m_theirReveal;
};

} // namespace

std::optional<Protocol> positionOf(std::string_view position, bool localStarts, std::string& error)
{
    std::istringstream words{std::string(position)};
    std::string word;
    if (!(words >> word) || (word == "new" && !(words >> word)))
        return Protocol(localStarts);
    if (!isNumber(word, 18))
    {
        error = "a position starts with a whole number to seed the fleets, not \"" + word + "\"";
        return std::nullopt;
    }
    std::mt19937_64 random(std::stoull(word));
    const Fleet ours = Fleet::random(random);
    const Fleet theirs = Fleet::random(random);
    Script script(localStarts, ours, theirs);

    while (words >> word)
    {
        if (word != "auto")
        {
            const auto cell = parseCoord(word);
            if (!cell)
            {
                error = "\"" + word + "\" is not a cell A1-J10";
                return std::nullopt;
            }
            if (!script.fire(*cell, error))
                return std::nullopt;
            continue;
        }
        std::string count;
        words >> count;
        if (count != "end" && !isNumber(count, 3))
        {
            error = "\"auto\" takes a number of shots or \"end\", not \"" + count + "\"";
            return std::nullopt;
        }
        const int shots = count == "end" ? 2 * SeaCells : std::stoi(count);
        for (int shot = 0; shot < shots && script.ours().stage() == Stage::Shooting; ++shot)
        {
            const auto cell = script.aim(random);
            if (!cell || !script.fire(*cell, error))
                return std::nullopt;
        }
    }
    return script.ours();
}

} // namespace battleship
