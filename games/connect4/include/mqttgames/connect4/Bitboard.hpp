#pragma once

#include <bit>
#include <cstdint>
#include <initializer_list>

namespace connect4
{

constexpr int Columns = 7;
constexpr int Rows = 6;
constexpr int Cells = Columns * Rows;

/// One bit per cell, column by column from the left, bottom row first; each column has one spare
/// bit on top so that shifting a line never carries into the next column.
using Bitboard = std::uint64_t;

namespace bits
{

constexpr int ColumnBits = Rows + 1;

/// The bit of a cell; row 0 is the bottom. Arguments must be on the board.
constexpr Bitboard cell(int column, int row)
{
    return Bitboard{1} << (column * ColumnBits + row);
}

/// The six cells of a column.
constexpr Bitboard column(int column)
{
    return ((Bitboard{1} << Rows) - 1) << (column * ColumnBits);
}

constexpr Bitboard bottomRow()
{
    Bitboard mask = 0;
    for (int c = 0; c < Columns; ++c)
        mask |= cell(c, 0);
    return mask;
}

/// Every cell of the board (the spare top bits excluded).
constexpr Bitboard board()
{
    return bottomRow() * ((Bitboard{1} << Rows) - 1);
}

/// True when the discs hold four in a row in any direction.
constexpr bool hasFour(Bitboard discs)
{
    // Shifts by 1 (vertical), ColumnBits (horizontal), ColumnBits - 1 and + 1 (the diagonals).
    for (int shift : {1, ColumnBits, ColumnBits - 1, ColumnBits + 1})
    {
        const Bitboard pairs = discs & (discs >> shift);
        if (pairs & (pairs >> (2 * shift)))
            return true;
    }
    return false;
}

/// The empty cells where one more disc would give these discs four in a row (playable or not).
constexpr Bitboard winningCells(Bitboard discs, Bitboard occupied)
{
    // Vertical: only the cell right above three stacked discs.
    Bitboard r = (discs << 1) & (discs << 2) & (discs << 3);

    for (int shift : {ColumnBits, ColumnBits - 1, ColumnBits + 1})
    {
        Bitboard p = (discs << shift) & (discs << (2 * shift));
        r |= p & (discs << (3 * shift));
        r |= p & (discs >> shift);
        p = (discs >> shift) & (discs >> (2 * shift));
        r |= p & (discs << shift);
        r |= p & (discs >> (3 * shift));
    }
    return r & (board() ^ occupied);
}

/// The lowest free cell of every column that is not full.
constexpr Bitboard playable(Bitboard occupied)
{
    return (occupied + bottomRow()) & board();
}

constexpr int count(Bitboard b)
{
    return std::popcount(b);
}

} // namespace bits

} // namespace connect4
