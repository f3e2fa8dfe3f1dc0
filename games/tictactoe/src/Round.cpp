#include <mqttgames/tictactoe/Round.hpp>

#include <random>
#include <sstream>
#include <stdexcept>

#include <mqttgames/tictactoe/Bot.hpp>
#include <mqttgames/tictactoe/Codec.hpp>

namespace tictactoe
{

Round::Round(bool localStarts, engine::Outbox outbox)
    : m_local(localStarts ? Mark::X : Mark::O), m_outbox(std::move(outbox))
{
}

engine::Turn Round::turn() const
{
    if (m_board.isOver())
        return engine::Turn::None;
    return m_board.toMove() == m_local ? engine::Turn::Local : engine::Turn::Remote;
}

engine::Outcome Round::outcome() const
{
    if (!m_board.isOver())
        return engine::Outcome::Undecided;
    const Mark winner = m_board.winner();
    if (winner == Mark::None)
        return engine::Outcome::Draw;
    return winner == m_local ? engine::Outcome::Won : engine::Outcome::Lost;
}

std::string Round::localSide() const { return toString(m_local); }
std::string Round::remoteSide() const { return toString(opponent(m_local)); }

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

std::string Round::resultText() const
{
    if (!m_board.isOver())
        return {};
    const Mark winner = m_board.winner();
    return winner == Mark::None ? "Draw" : std::string(toString(winner)) + " wins";
}

bool Round::act(std::string_view action, std::string& error)
{
    const auto cell = parseCell(action);
    if (!cell)
    {
        error = "\"" + std::string(action) + "\" is not a cell 1-9";
        return false;
    }
    if (m_board.toMove() != m_local)
    {
        error = "it is not your turn";
        return false;
    }
    if (!m_board.canPlay(*cell))
    {
        error = "cell " + cellName(*cell) + " is taken";
        return false;
    }
    played(*cell);
    if (m_outbox)
        m_outbox("move", encodeMove(*cell));
    return true;
}

bool Round::receive(const std::string& type, const nlohmann::json& body, std::string& error)
{
    if (type != "move")
    {
        error = "unknown message \"" + type + "\"";
        return false;
    }
    if (m_board.toMove() == m_local)
    {
        error = "it is not the partner's turn";
        return false;
    }
    const auto cell = decodeMove(body, m_board, error);
    if (!cell)
        return false;
    played(*cell);
    return true;
}

engine::BotJob Round::botJob(int level) const
{
    const Level chosen = level <= 0 ? Level::Easy : level == 1 ? Level::Medium : Level::Hard;
    return [board = m_board, chosen](const engine::BotControl& control) -> std::string
    {
        std::mt19937 random(std::random_device{}());
        const int cell = chooseMove(board, chosen, random, [&control] { return control.shouldStop(); });
        return cell < 0 ? std::string() : cellName(cell);
    };
}

bool Round::load(std::string_view position, std::string& error)
{
    try
    {
        m_board = Board(position);
    }
    catch (const std::invalid_argument& invalid)
    {
        error = invalid.what();
        return false;
    }
    m_lastCell = position.empty() ? -1 : *parseCell(position.substr(position.size() - 1));
    return true;
}

void Round::played(int cell)
{
    m_board.play(cell);
    m_lastCell = cell;
}

} // namespace tictactoe
