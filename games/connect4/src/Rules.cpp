#include <mqttgames/connect4/Rules.hpp>

#include <algorithm>
#include <random>

#include <mqttgames/connect4/Bot.hpp>

namespace connect4
{

const char* sideName(Disc disc)
{
    return disc == Disc::First ? "Red" : disc == Disc::Second ? "Teal" : "";
}

std::optional<engine::GameEnd> Rules::end() const
{
    if (!board.isOver())
        return std::nullopt;
    const Disc winner = board.winner();
    return winner == Disc::None ? engine::GameEnd{} : engine::GameEnd{winner == Disc::First ? 0 : 1};
}

std::vector<Move> Rules::moves() const
{
    std::vector<Move> moves;
    for (int column = 0; column < Columns; ++column)
        if (board.canPlay(column))
            moves.push_back({column});
    return moves;
}

std::optional<Move> Rules::parse(std::string_view text)
{
    const auto column = parseColumn(text);
    return column ? std::optional(Move{*column}) : std::nullopt;
}

std::ostream& operator<<(std::ostream& out, const Rules& rules)
{
    const auto symbol = [](Disc disc) { return disc == Disc::First ? 'X' : disc == Disc::Second ? 'O' : '.'; };
    for (int row = Rows - 1; row >= 0; --row)
    {
        out << '|';
        for (int column = 0; column < Columns; ++column)
            out << ' ' << symbol(rules.board.at(column, row));
        out << " |\n";
    }
    // The column numbers under the board are the notation to type.
    out << '+' << std::string(2 * Columns + 1, '-') << "+\n ";
    for (int column = 0; column < Columns; ++column)
        out << ' ' << columnName(column);
    return out << "\nX " << sideName(Disc::First) << ", O " << sideName(Disc::Second) << '\n';
}

std::optional<Move> chooseMove(const Rules& rules, engine::BotLevel level, const engine::BotControl& control)
{
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(control.deadline - std::chrono::steady_clock::now());
    Bot bot(level, std::random_device{}());
    const int column = bot.chooseMove(rules.board, std::clamp(left, std::chrono::milliseconds(0), DefaultBudget), control.cancelled).column;
    return column < 0 ? std::nullopt : std::optional(Move{column});
}

engine::TurnGameText text()
{
    return {.id = "connect4", .title = "Connect Four", .sides = {"Red", "Teal"}, .notationHelp = "column 1-7, from the left",
            .samples = {{"playing", "444366315522"}, {"gameover", "44436631552232655"}}};
}

} // namespace connect4
