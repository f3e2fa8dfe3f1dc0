#include <mqttgames/tictactoe/Board.hpp>

#include <algorithm>
#include <stdexcept>

namespace tictactoe
{

const char* toString(Mark mark)
{
    switch (mark)
    {
        case Mark::X: return "X";
        case Mark::O: return "O";
        case Mark::None: break;
    }
    return ".";
}

Mark opponent(Mark mark)
{
    if (mark == Mark::X)
        return Mark::O;
    if (mark == Mark::O)
        return Mark::X;
    return Mark::None;
}

Board::Board(std::string_view moves)
{
    for (std::size_t i = 0; i < moves.size(); ++i)
    {
        const auto cell = parseCell(moves.substr(i, 1));
        if (!cell || !play(*cell))
            throw std::invalid_argument("illegal move '" + std::string(1, moves[i]) + "' at position " +
                                        std::to_string(i + 1) + " of \"" + std::string(moves) + "\"");
    }
}

bool Board::canPlay(int cell) const
{
    return cell >= 0 && cell < CellCount && m_cells[cell] == Mark::None && !isOver();
}

bool Board::play(int cell)
{
    if (!canPlay(cell))
        return false;
    m_cells[cell] = toMove();
    ++m_moveCount;
    m_moves += cellName(cell);
    return true;
}

Mark Board::at(int cell) const
{
    return (cell >= 0 && cell < CellCount) ? m_cells[cell] : Mark::None;
}

Mark Board::at(int row, int column) const
{
    if (row < 0 || row >= Size || column < 0 || column >= Size)
        return Mark::None;
    return m_cells[row * Size + column];
}

Mark Board::toMove() const
{
    if (isOver())
        return Mark::None;
    return m_moveCount % 2 == 0 ? Mark::X : Mark::O;
}

Mark Board::winner() const
{
    const auto line = winningLine();
    return line ? m_cells[(*line)[0]] : Mark::None;
}

std::optional<Board::Line> Board::winningLine() const
{
    for (const auto& line : lines())
    {
        const Mark first = m_cells[line[0]];
        if (first != Mark::None && m_cells[line[1]] == first && m_cells[line[2]] == first)
            return line;
    }
    return std::nullopt;
}

bool Board::isFull() const
{
    return m_moveCount == CellCount;
}

bool Board::isOver() const
{
    return isFull() || winningLine().has_value();
}

const std::array<Board::Line, 8>& Board::lines()
{
    static constexpr std::array<Line, 8> all{{
        {0, 1, 2}, {3, 4, 5}, {6, 7, 8}, // rows
        {0, 3, 6}, {1, 4, 7}, {2, 5, 8}, // columns
        {0, 4, 8}, {2, 4, 6},            // diagonals
    }};
    return all;
}

std::optional<int> parseCell(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
        text.remove_suffix(1);
    if (text.size() != 1 || text[0] < '1' || text[0] > '9')
        return std::nullopt;
    return text[0] - '1';
}

std::string cellName(int cell)
{
    return std::string(1, static_cast<char>('1' + cell));
}

std::ostream& operator<<(std::ostream& out, const Board& board)
{
    for (int row = 0; row < Board::Size; ++row)
    {
        for (int column = 0; column < Board::Size; ++column)
            out << (column ? " " : "") << toString(board.at(row, column));
        out << '\n';
    }
    return out;
}

} // namespace tictactoe
