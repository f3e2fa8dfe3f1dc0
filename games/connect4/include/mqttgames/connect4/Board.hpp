#pragma once

#include <mqttgames/connect4/Bitboard.hpp>

#include <array>
#include <cstdint>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace connect4
{

enum class Disc
{
    None,
    First,
    Second
};

/// A cell of the grid: column 0 is the leftmost, row 0 the bottom.
struct Cell
{
    int column = 0;
    int row = 0;

    friend bool operator==(const Cell&, const Cell&) = default;
};

/// A Connect Four position: 7 columns by 6 rows, discs fall to the lowest free cell, four in a row
/// in any direction wins, a full board without a winner is a draw. A small value type; First moves
/// first.
class Board
{
public:
    /// The empty board, First to move.
    Board();

    /// The position after these moves: digits '1'..'7', one per move, 1-based columns.
    /// Throws std::invalid_argument naming the first bad move (not a digit, full column, game over).
    explicit Board(std::string_view moves);

    /// True when a disc may be dropped in this 0-based column now; false out of range or game over.
    bool canPlay(int column) const;

    /// Drops the mover's disc in this 0-based column; false and unchanged when the move is illegal.
    bool play(int column);

    /// The disc in a cell (row 0 = bottom); Disc::None for an empty or off-board cell.
    Disc at(int column, int row) const;

    /// The number of discs in a 0-based column; 0 out of range.
    int height(int column) const;

    /// The number of discs played so far.
    int moveCount() const;

    /// Who plays next; Disc::None once the game is over.
    Disc toMove() const;

    /// Who has four in a row; Disc::None while nobody has (or on a draw).
    Disc winner() const;

    /// The four cells of a winning line, leftmost end first (bottom end if vertical); empty without a winner.
    std::optional<std::array<Cell, 4>> winningLine() const;

    /// True when all 42 cells are filled.
    bool isFull() const;

    /// True after a win or on a full board.
    bool isOver() const;

    /// The moves so far as digits '1'..'7'; Board(b.moves()) == b.
    std::string moves() const;

    /// The cells holding this player's discs (see Bitboard.hpp for the layout); 0 for Disc::None.
    Bitboard discs(Disc player) const;

    /// The cells holding any disc.
    Bitboard occupied() const;

    /// Equal when the same moves were played in the same order.
    friend bool operator==(const Board&, const Board&) = default;

private:
    std::array<Bitboard, 2> m_discs{};
    std::array<std::uint8_t, Cells> m_history{};
    int m_moveCount = 0;
    Disc m_winner = Disc::None;
};

/// The 0-based column named by the notation "1".."7" (surrounding spaces allowed), or nothing.
std::optional<int> parseColumn(std::string_view text);

/// The notation of a 0-based column: "1".."7".
std::string columnName(int column);

/// Prints the grid top row first (X First, O Second, '.' empty), column numbers below, then the moves.
std::ostream& operator<<(std::ostream& out, const Board& board);

/// "First", "Second" or "None".
const char* toString(Disc disc);

} // namespace connect4
