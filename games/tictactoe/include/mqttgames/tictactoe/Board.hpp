#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace tictactoe
{

/// What a cell holds; X always moves first.
enum class Mark : std::uint8_t
{
    None,
    X,
    O,
};

/// "X", "O" or ".".
const char* toString(Mark mark);
/// The other player's mark (None stays None).
Mark opponent(Mark mark);

/// A tic-tac-toe position: a value type with const queries, independent of any display or network.
/// Cells are numbered 0..8 row-major from the top-left; the notation players type is 1..9.
class Board
{
public:
    static constexpr int Size = 3;
    static constexpr int CellCount = Size * Size;
    using Line = std::array<int, Size>;

    /// The empty board, X to move.
    Board() = default;
    /// The position after a move string of cells '1'..'9' ("5195"); throws std::invalid_argument
    /// naming the first illegal move.
    explicit Board(std::string_view moves);

    /// Whether the player to move may take this cell (in range, empty, game not over).
    bool canPlay(int cell) const;
    /// Plays for the player to move; false, with the board unchanged, when canPlay(cell) is false.
    bool play(int cell);

    Mark at(int cell) const;
    Mark at(int row, int column) const;
    /// The player to move (None once the game is over).
    Mark toMove() const;
    /// The player who completed a line, or None.
    Mark winner() const;
    /// The completed line's cells, when there is one.
    std::optional<Line> winningLine() const;
    bool isFull() const;
    bool isOver() const;
    int moveCount() const { return m_moveCount; }
    /// The moves played so far, in the notation of the move-string constructor.
    const std::string& moves() const { return m_moves; }

    /// The eight lines that win, rows then columns then diagonals.
    static const std::array<Line, 8>& lines();

    friend bool operator==(const Board&, const Board&) = default;

private:
    std::array<Mark, CellCount> m_cells{};
    int m_moveCount = 0;
    std::string m_moves;
};

/// The cell (0..8) named by the notation "1".."9" (surrounding spaces allowed), or nothing.
std::optional<int> parseCell(std::string_view text);
/// The notation of a cell 0..8: "1".."9".
std::string cellName(int cell);

/// Three rows of "X", "O" and "." separated by spaces, each ending in a newline.
std::ostream& operator<<(std::ostream& out, const Board& board);

} // namespace tictactoe
