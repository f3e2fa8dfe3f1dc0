#pragma once

#include <mqttgames/connect4/Board.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>

namespace connect4
{

class TranspositionTable;
struct Position;

/// Connect Four solved exactly, after Pascal Pons' solver ("Solving Connect 4", blog.gamesolver.org):
/// a null-window alpha-beta negamax over bitboards, with a transposition table of bounds and moves
/// ordered by the threats they make. Scores are his: for the side to move, 0 a draw, positive a win
/// and negative a loss, worth more the sooner it comes: 22 minus the number of discs the winner has
/// played when it completes four (the first player winning with its last disc scores 1). Not
/// thread-safe: one search at a time.
class Solver
{
public:
    /// The scores a position can have: -18..18.
    static constexpr int MinScore = -(Cells / 2) + 3;
    static constexpr int MaxScore = (Cells + 1) / 2 - 3;
    using Clock = std::chrono::steady_clock;

    /// A table of 2^log2TableSize entries of 16 bytes (the default: 64 MB), touched as the search
    /// fills it.
    explicit Solver(int log2TableSize = 22);
    ~Solver();
    Solver(Solver&&) noexcept;
    Solver& operator=(Solver&&) noexcept;

    /// The exact score of `board` (not over) for the side to move; nothing when `deadline` passed or
    /// `*cancel` became true first (cancel may be null and must outlive the call).
    std::optional<int> solve(const Board& board, Clock::time_point deadline = Clock::time_point::max(),
                             const std::atomic<bool>* cancel = nullptr);
    /// The score of each move of the side to move, for that side (nothing where the column is full,
    /// or when stopped): the best column has the highest.
    std::array<std::optional<int>, Columns> analyze(const Board& board, Clock::time_point deadline = Clock::time_point::max(),
                                                    const std::atomic<bool>* cancel = nullptr);
    /// Positions visited since the solver was made.
    std::uint64_t nodes() const { return m_nodes; }

private:
    std::optional<int> solvePosition(const Position& position);
    int negamax(const Position& position, int alpha, int beta);

    std::unique_ptr<TranspositionTable> m_table;
    std::uint64_t m_nodes = 0;
    Clock::time_point m_deadline;
    const std::atomic<bool>* m_cancel = nullptr;
    bool m_stopped = false;
};

} // namespace connect4
