#pragma once

#include <mqttgames/connect4/Bitboard.hpp>
#include <mqttgames/connect4/Board.hpp>
#include <mqttgames/connect4/Score.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <vector>

namespace connect4
{

/// The bot's view of a position, after Pascal Pons: the mover's discs and all discs.
struct Position
{
    Bitboard current = 0;
    Bitboard occupied = 0;
    int moves = 0;

    /// Unique per position thanks to the spare bit on top of each column.
    Bitboard key() const { return current + occupied; }
    Bitboard opponent() const { return current ^ occupied; }
    Bitboard playable() const { return bits::playable(occupied); }

    /// The mover's playable cells that win at once.
    Bitboard winningMoves() const { return bits::winningCells(current, occupied) & playable(); }

    /// Playable cells that do not hand the opponent an immediate win; 0 when every move loses.
    Bitboard nonLosingMoves() const;

    /// The position after dropping a disc on this playable cell.
    Position after(Bitboard move) const { return {current ^ occupied, occupied | move, moves + 1}; }
};

/// A fixed-size, always-replace cache of search results keyed by position.
class TranspositionTable
{
public:
    enum class Bound : std::uint8_t
    {
        Exact,
        Lower,
        Upper
    };

    /// All zero bytes is an empty slot, so that the table can start as untouched zeroed memory.
    struct Entry
    {
        Bitboard key;
        std::int16_t score;
        std::int8_t depthPlusOne;
        Bound bound;
        std::int8_t column;

        int depth() const { return depthPlusOne - 1; }
    };

    /// 2^log2Size entries of 16 bytes, all empty.
    explicit TranspositionTable(int log2Size);

    /// The entry for this key, or nullptr.
    const Entry* find(Bitboard key) const;

    void store(Bitboard key, int score, int depth, Bound bound, int column);

private:
    struct Free
    {
        void operator()(Entry* entries) const { std::free(entries); }
    };

    // calloc hands out zeroed pages lazily, so a large table costs nothing until it is used.
    std::unique_ptr<Entry[], Free> m_entries;
    // The key's low bits are the left columns only: a multiplicative hash spreads every column
    // over the index (Fibonacci hashing: the high bits of key times 2^64 / golden ratio).
    std::size_t indexOf(Bitboard key) const { return static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ull) >> m_shift); }

    int m_shift;
};

/// Up to one move per column, in search order.
struct MoveList
{
    std::array<Bitboard, Columns> moves{};
    std::size_t count = 0;

    const Bitboard* begin() const { return moves.data(); }
    const Bitboard* end() const { return moves.data() + count; }
};

/// The moves of `candidates` (cells), those that leave the mover the most cells where a disc would
/// make four first (Pons' ordering), the centre first among equals; this column, if legal, before all.
MoveList orderedMoves(const Position& position, Bitboard candidates, int preferredColumn = -1);

/// One depth-limited alpha-beta negamax run, stopped by a deadline or a cancel flag.
class Search
{
public:
    using Clock = std::chrono::steady_clock;

    /// table and cancel may be null; both must outlive the search.
    Search(TranspositionTable* table, Clock::time_point deadline, const std::atomic<bool>* cancel);

    /// The value of a position for its mover, looking depth plies ahead; 0 when stopped.
    int negamax(const Position& position, int depth, int alpha, int beta);

    /// True once the deadline passed or the cancel flag was set during a run.
    bool stopped() const { return m_stopped; }

    std::uint64_t nodes() const { return m_nodes; }

private:
    bool timeIsUp() const;

    TranspositionTable* m_table;
    Clock::time_point m_deadline;
    const std::atomic<bool>* m_cancel;
    std::uint64_t m_nodes = 0;
    bool m_stopped = false;
};

/// The columns from the centre outwards: the order to try moves in among equals.
inline constexpr std::array<int, Columns> CenterFirst{3, 2, 4, 1, 5, 0, 6};

/// The position of a board, for its mover.
Position positionOf(const Board& board);

/// A static estimate of a position for its mover, well inside (-WinScore, WinScore).
int evaluate(const Position& position);

/// The 0-based column of a single-cell bitboard.
int columnOf(Bitboard move);

} // namespace connect4
