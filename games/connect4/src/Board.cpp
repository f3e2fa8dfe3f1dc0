#include <mqttgames/connect4/Board.hpp>

#include <ostream>
#include <stdexcept>

namespace connect4
{

namespace
{

int indexOf(Disc player)
{
    return player == Disc::First ? 0 : 1;
}

bool onBoard(int column, int row)
{
    return column >= 0 && column < Columns && row >= 0 && row < Rows;
}

} // namespace

Board::Board() = default;

Board::Board(std::string_view moves)
{
    for (std::size_t i = 0; i < moves.size(); ++i)
    {
        const char move = moves[i];
        const auto where = [&] { return "move " + std::to_string(i + 1) + " '" + std::string(1, move) + "'"; };
        if (move < '1' || move > '0' + Columns)
            throw std::invalid_argument(where() + " is not a column 1-7");
        if (isOver())
            throw std::invalid_argument(where() + " comes after the game is over");
        if (!play(move - '1'))
            throw std::invalid_argument(where() + " is in a full column");
    }
}

bool Board::canPlay(int column) const
{
    return column >= 0 && column < Columns && !isOver() && (occupied() & bits::cell(column, Rows - 1)) == 0;
}

bool Board::play(int column)
{
    if (!canPlay(column))
        return false;

    const Disc mover = toMove();
    Bitboard& mine = m_discs[indexOf(mover)];
    mine |= bits::playable(occupied()) & bits::column(column);
    m_history[m_moveCount++] = static_cast<std::uint8_t>(column);
    if (bits::hasFour(mine))
        m_winner = mover;
    return true;
}

Disc Board::at(int column, int row) const
{
    if (!onBoard(column, row))
        return Disc::None;
    const Bitboard cell = bits::cell(column, row);
    if (m_discs[0] & cell)
        return Disc::First;
    if (m_discs[1] & cell)
        return Disc::Second;
    return Disc::None;
}

int Board::height(int column) const
{
    if (column < 0 || column >= Columns)
        return 0;
    return bits::count(occupied() & bits::column(column));
}

int Board::moveCount() const
{
    return m_moveCount;
}

Disc Board::toMove() const
{
    if (isOver())
        return Disc::None;
    return m_moveCount % 2 == 0 ? Disc::First : Disc::Second;
}

Disc Board::winner() const
{
    return m_winner;
}

std::optional<std::array<Cell, 4>> Board::winningLine() const
{
    if (m_winner == Disc::None)
        return std::nullopt;

    constexpr std::array<Cell, 4> directions{{{1, 0}, {0, 1}, {1, 1}, {1, -1}}};
    for (int column = 0; column < Columns; ++column)
        for (int row = 0; row < Rows; ++row)
            for (const Cell step : directions)
            {
                std::array<Cell, 4> line;
                bool complete = true;
                for (int i = 0; i < 4 && complete; ++i)
                {
                    line[i] = {column + i * step.column, row + i * step.row};
                    complete = at(line[i].column, line[i].row) == m_winner;
                }
                if (complete)
                    return line;
            }
    return std::nullopt;
}

bool Board::isFull() const
{
    return m_moveCount == Cells;
}

bool Board::isOver() const
{
    return m_winner != Disc::None || isFull();
}

std::string Board::moves() const
{
    std::string text;
    text.reserve(m_moveCount);
    for (int i = 0; i < m_moveCount; ++i)
        text += static_cast<char>('1' + m_history[i]);
    return text;
}

Bitboard Board::discs(Disc player) const
{
    return player == Disc::None ? 0 : m_discs[indexOf(player)];
}

Bitboard Board::occupied() const
{
    return m_discs[0] | m_discs[1];
}

std::optional<int> parseColumn(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r' || text.back() == '\n'))
        text.remove_suffix(1);
    if (text.size() != 1 || text[0] < '1' || text[0] > '0' + Columns)
        return std::nullopt;
    return text[0] - '1';
}

std::string columnName(int column)
{
    return std::string(1, static_cast<char>('1' + column));
}

std::ostream& operator<<(std::ostream& out, const Board& board)
{
    for (int row = Rows - 1; row >= 0; --row)
    {
        out << '|';
        for (int column = 0; column < Columns; ++column)
        {
            const Disc disc = board.at(column, row);
            out << ' ' << (disc == Disc::First ? 'X' : disc == Disc::Second ? 'O' : '.');
        }
        out << " |\n";
    }
    out << '+';
    for (int column = 0; column < Columns; ++column)
        out << "--";
    out << "-+\n ";
    for (int column = 0; column < Columns; ++column)
        out << ' ' << column + 1;
    out << "\n";
    if (!board.moves().empty())
        out << "moves: " << board.moves() << '\n';
    return out;
}

const char* toString(Disc disc)
{
    switch (disc)
    {
    case Disc::First: return "First";
    case Disc::Second: return "Second";
    case Disc::None: break;
    }
    return "None";
}

} // namespace connect4
