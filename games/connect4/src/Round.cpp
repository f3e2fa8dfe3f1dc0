#include <mqttgames/connect4/Round.hpp>

#include <algorithm>
#include <random>

#include <mqttgames/connect4/Bot.hpp>
#include <mqttgames/connect4/Codec.hpp>

namespace connect4
{

namespace
{
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

Round::Round(bool localStarts, engine::Outbox outbox) : AlternatingRound(localStarts, std::move(outbox)) {}

int Round::lastColumn() const
{
    const std::string moves = m_board.moves();
    return moves.empty() ? -1 : moves.back() - '1';
}

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
    text += std::string("X ") + sideName(Disc::First) + (localDisc() == Disc::First ? " (you)" : "") + ", O " +
            sideName(Disc::Second) + (localDisc() == Disc::Second ? " (you)" : "") + "\n";
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

engine::BotJob Round::botJob(int level) const
{
    return [board = m_board, chosen = engine::botLevelAt(level)](const engine::BotControl& control) -> std::string
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
    return loadRules(m_board, position, error);
}

Round::Seat Round::seatToMove() const
{
    return seatOf(m_board.toMove(), Disc::First, Disc::Second).value_or(Seat::First);
}

std::optional<Round::Seat> Round::winner() const
{
    return seatOf(m_board.winner(), Disc::First, Disc::Second);
}

std::string Round::seatName(Seat seat) const { return sideName(discOf(seat)); }

bool Round::playLocal(std::string_view action, nlohmann::json& move, std::string& error)
{
    const auto column = parseColumn(action);
    if (!column)
    {
        error = "\"" + std::string(action) + "\" is not a column 1-7";
        return false;
    }
    if (!m_board.play(*column))
    {
        error = "column " + columnName(*column) + " is full";
        return false;
    }
    move = encodeMove(*column);
    return true;
}

bool Round::playRemote(const nlohmann::json& move, std::string& error)
{
    const auto column = decodeMove(move, m_board, error);
    if (!column)
        return false;
    m_board.play(*column);
    return true;
}

} // namespace connect4
