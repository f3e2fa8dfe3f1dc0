#include <mqttgames/tictactoe/Board.hpp>

#include <numeric>
#include <stdexcept>

namespace tictactoe
{

const char* toString(Mark mark) { return mark == Mark::X ? "X" : mark == Mark::O ? "O" : "."; }

Board::Board(std::string_view moves)
{
    for (std::size_t i = 0; i < moves.size(); ++i)
    {
        const auto move = parse(moves.substr(i, 1));
        if (!move || !legal(*move))
            throw std::invalid_argument("illegal move '" + std::string(1, moves[i]) + "' at position " +
                                        std::to_string(i + 1) + " of \"" + std::string(moves) + "\"");
        apply(*move);
    }
}

std::optional<engine::GameEnd> Board::end() const
{
    if (const auto line = winningLine())
        return engine::GameEnd{m_cells[(*line)[0]] == Mark::X ? 0 : 1};
    return m_count == 9 ? std::optional(engine::GameEnd{}) : std::nullopt;
}

std::vector<Move> Board::moves() const
{
    std::vector<Move> moves;
    for (int cell = 0; cell < 9; ++cell)
        if (legal({cell}))
            moves.push_back({cell});
    return moves;
}

std::uint64_t Board::key() const
{
    return std::accumulate(m_cells.begin(), m_cells.end(), std::uint64_t{0}, [](std::uint64_t key, Mark mark) { return key * 3 + std::uint64_t(mark); });
}

std::optional<Move> Board::parse(std::string_view text)
{
    if (text.size() != 1 || text[0] < '1' || text[0] > '9')
        return std::nullopt;
    return Move{text[0] - '1'};
}

std::optional<Board::Line> Board::winningLine() const
{
    static constexpr std::array<Line, 8> lines{{{0, 1, 2}, {3, 4, 5}, {6, 7, 8}, {0, 3, 6}, {1, 4, 7}, {2, 5, 8}, {0, 4, 8}, {2, 4, 6}}};
    for (const Line& line : lines)
        if (m_cells[line[0]] != Mark::None && m_cells[line[0]] == m_cells[line[1]] && m_cells[line[1]] == m_cells[line[2]])
            return line;
    return std::nullopt;
}

std::ostream& operator<<(std::ostream& out, const Board& board)
{
    for (int cell = 0; cell < 9; ++cell)
        out << toString(board.at(cell)) << (cell % 3 == 2 ? "\n" : " ");
    return out;
}

engine::TurnGameText text()
{
    return {.id = "tictactoe", .title = "Tic-Tac-Toe", .sides = {"X", "O"}, .notationHelp = "cell 1-9, row-major from the top-left",
            .samples = {{"playing", "5137"}, {"gameover", "1253749"}}};
}

} // namespace tictactoe
