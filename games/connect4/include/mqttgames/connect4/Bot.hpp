#pragma once

#include <mqttgames/connect4/Board.hpp>
#include <mqttgames/connect4/Score.hpp>
#include <mqttgames/engine/BotLevel.hpp>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <random>

namespace connect4
{

/// The engine's shared bot levels: easy, medium, hard.
using Level = engine::BotLevel;

class TranspositionTable;

/// How long the Hard bot thinks per move unless told otherwise.
constexpr std::chrono::milliseconds DefaultBudget{300};

/// A chosen move and what it cost to find.
struct SearchResult
{
    int column = -1;           ///< 0-based; -1 only when the game is over.
    int score = 0;             ///< For the mover; >= WinScore a forced win, <= -WinScore a forced loss.
    int depth = 0;             ///< Plies searched; 1 for an immediate win or the only move not losing at once.
    std::uint64_t nodes = 0;   ///< Positions visited.
    std::chrono::microseconds elapsed{0};
};

/// A computer opponent. Easy plays at random but takes an immediate win; Medium looks 4 plies ahead;
/// Hard deepens an alpha-beta search until its time budget runs out. Not thread-safe: one search at
/// a time, on any thread; the board is only read during the call.
class Bot
{
public:
    /// Easy and Medium choose the same moves for the same seed and positions; Hard reserves a 16 MB
    /// transposition table, filled in as it searches.
    explicit Bot(Level level, std::uint64_t seed = 0);
    ~Bot();
    Bot(Bot&&) noexcept;
    Bot& operator=(Bot&&) noexcept;

    /// Picks a move for the side to move; returns within about a millisecond of the budget, or soon
    /// after *cancel becomes true (cancel may be null and must outlive the call).
    SearchResult chooseMove(const Board& board, std::chrono::milliseconds budget = DefaultBudget,
                            const std::atomic<bool>* cancel = nullptr);

    Level level() const;

private:
    SearchResult playRandom(const Board& board);
    SearchResult searchFixedDepth(const Board& board, int depth, std::chrono::steady_clock::time_point deadline,
                                  const std::atomic<bool>* cancel);
    SearchResult searchDeepening(const Board& board, std::chrono::steady_clock::time_point deadline,
                                 const std::atomic<bool>* cancel);

    Level m_level;
    std::mt19937_64 m_random;
    std::unique_ptr<TranspositionTable> m_table;
};

} // namespace connect4
