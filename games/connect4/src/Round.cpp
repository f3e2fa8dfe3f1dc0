#include <mqttgames/connect4/Round.hpp>

#include <algorithm>
#include <random>
#include <stdexcept>

#include <mqttgames/connect4/Bot.hpp>
#include <mqttgames/connect4/Codec.hpp>

namespace connect4
{

namespace
{
Disc other(Disc disc)
{
    return disc == Disc::First ? Disc::Second : disc == Disc::Second ? Disc::First : Disc::None;
}

char symbol(Disc disc)
{
    return disc == Disc::First ? 'X' : disc == Disc::Second ? 'O' : '.';
}
} // namespace

const char* sideName(Disc disc)
{
    switch (disc)
    {
        case Disc::First: return "Red";
        case Disc::Second: return "Teal";
        case Disc::None: break;
    }
    return "";
}

Round::Round(bool localStarts, engine::Outbox outbox)
    : m_local(localStarts ? Disc::First : Disc::Second), m_outbox(std::move(outbox))
{
}

int Round::lastColumn() const
{
    const std::string moves = m_board.moves();
    return moves.empty() ? -1 : moves.back() - '1';
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
    const Disc winner = m_board.winner();
    if (winner == Disc::None)
        return engine::Outcome::Draw;
    return winner == m_local ? engine::Outcome::Won : engine::Outcome::Lost;
}

std::string Round::localSide() const { return sideName(m_local); }
std::string Round::remoteSide() const { return sideName(other(m_local)); }

std::string Round::boardText() const
{
    std::string text;
    for (int row = Rows - 1; row >= 0; --row)
    {
        text += "|";
        for (int column = 0; column < Columns; ++column)
            text += std::string(" ") + symbol(m_board.at(column, row));
        text += " |\n";
    }
    // The column numbers under the board are the notation to type.
    text += "+" + std::string(2 * Columns + 1, '-') + "+\n ";
    for (int column = 0; column < Columns; ++column)
        text += " " + columnName(column);
    text += "\n";
    text += std::string("X ") + sideName(Disc::First) + (m_local == Disc::First ? " (you)" : "") + ", O " +
            sideName(Disc::Second) + (m_local == Disc::Second ? " (you)" : "") + "\n";
    return text;
}

std::string Round::notationHelp() const { return "column 1-7, from the left"; }

std::string Round::lastEventText() const
{
    const int column = lastColumn();
    if (column < 0)
        return {};
    const Disc mover = m_board.at(column, m_board.height(column) - 1);
    return std::string(sideName(mover)) + " plays " + columnName(column);
}

std::string Round::resultText() const
{
    if (!m_board.isOver())
        return {};
    const Disc winner = m_board.winner();
    return winner == Disc::None ? "Draw" : std::string(sideName(winner)) + " wins";
}

bool Round::act(std::string_view action, std::string& error)
{
    const auto column = parseColumn(action);
    if (!column)
    {
        error = "\"" + std::string(action) + "\" is not a column 1-7";
        return false;
    }
    if (m_board.isOver())
    {
        error = "the game is over";
        return false;
    }
    if (m_board.toMove() != m_local)
    {
        error = "it is not your turn";
        return false;
    }
    if (!m_board.play(*column))
    {
        error = "column " + columnName(*column) + " is full";
        return false;
    }
    if (m_outbox)
        m_outbox("move", encodeMove(*column));
    return true;
}

bool Round::receive(const std::string& type, const nlohmann::json& body, std::string& error)
{
    if (type != "move")
    {
        error = "unknown message \"" + type + "\"";
        return false;
    }
    const auto column = decodeMove(body, m_board, error);
    if (!column)
        return false;
    if (m_board.toMove() == m_local)
    {
        error = "it is not the partner's turn";
        return false;
    }
    m_board.play(*column);
    return true;
}

engine::BotJob Round::botJob(int level) const
{
    const Level chosen = level <= 0 ? Level::Easy : level == 1 ? Level::Medium : Level::Hard;
    return [board = m_board, chosen](const engine::BotControl& control) -> std::string
    {
        // A match may allow a long think; Hard keeps to its own budget so that play stays brisk.
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(control.deadline - std::chrono::steady_clock::now());
        const auto budget = std::clamp(left, std::chrono::milliseconds(0), DefaultBudget);
        Bot bot(chosen, std::random_device{}());
        const int column = bot.chooseMove(board, budget, control.cancelled).column;
        return column < 0 ? std::string() : columnName(column);
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
    return true;
}

} // namespace connect4
