#include <mqttgames/tictactoe/Round.hpp>

#include <random>
#include <sstream>

#include <mqttgames/tictactoe/Bot.hpp>
#include <mqttgames/tictactoe/Codec.hpp>

namespace tictactoe
{

Round::Round(bool localStarts, engine::Outbox outbox) : AlternatingRound(localStarts, std::move(outbox)) {}

std::string Round::boardText() const
{
    std::ostringstream text;
    text << m_board;
    return text.str();
}

std::string Round::notationHelp() const { return "cell 1-9, row-major from the top-left"; }

std::string Round::lastEventText() const
{
    if (m_lastCell < 0)
        return {};
    return std::string(toString(m_board.at(m_lastCell))) + " plays " + cellName(m_lastCell);
}

engine::BotJob Round::botJob(int level) const
{
    return [board = m_board, chosen = engine::botLevelAt(level)](const engine::BotControl& control) -> std::string
    {
        std::mt19937 random(std::random_device{}());
        const int cell = chooseMove(board, chosen, random, [&control] { return control.shouldStop(); });
        return cell < 0 ? std::string() : cellName(cell);
    };
}

bool Round::load(std::string_view position, std::string& error)
{
    if (!loadRules(m_board, position, error))
        return false;
    m_lastCell = position.empty() ? -1 : *parseCell(position.substr(position.size() - 1));
    return true;
}

Round::Seat Round::seatToMove() const
{
    return seatOf(m_board.toMove(), Mark::X, Mark::O).value_or(Seat::First);
}

std::optional<Round::Seat> Round::winner() const
{
    return seatOf(m_board.winner(), Mark::X, Mark::O);
}

std::string Round::seatName(Seat seat) const { return toString(markOf(seat)); }

bool Round::playLocal(std::string_view action, nlohmann::json& move, std::string& error)
{
    const auto cell = parseCell(action);
    if (!cell)
    {
        error = "\"" + std::string(action) + "\" is not a cell 1-9";
        return false;
    }
    if (!m_board.canPlay(*cell))
    {
        error = "cell " + cellName(*cell) + " is taken";
        return false;
    }
    played(*cell);
    move = encodeMove(*cell);
    return true;
}

bool Round::playRemote(const nlohmann::json& move, std::string& error)
{
    const auto cell = decodeMove(move, m_board, error);
    if (!cell)
        return false;
    played(*cell);
    return true;
}

void Round::played(int cell)
{
    m_board.play(cell);
    m_lastCell = cell;
}

} // namespace tictactoe
