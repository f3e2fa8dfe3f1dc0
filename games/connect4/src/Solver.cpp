#include <mqttgames/connect4/Solver.hpp>

#include <algorithm>

#include "Search.hpp"

namespace connect4
{

namespace
{

// The score of winning with the next disc, for the side to move at `moves`.
constexpr int winNow(int moves)
{
    return (Cells + 1 - moves) / 2;
}

} // namespace

Solver::Solver(int log2TableSize) : m_table(std::make_unique<TranspositionTable>(log2TableSize)) {}
Solver::~Solver() = default;
Solver::Solver(Solver&&) noexcept = default;
Solver& Solver::operator=(Solver&&) noexcept = default;

std::optional<int> Solver::solve(const Board& board, Clock::time_point deadline, const std::atomic<bool>* cancel)
{
    m_deadline = deadline;
    m_cancel = cancel;
    m_stopped = false;
    return board.isOver() ? std::nullopt : solvePosition(positionOf(board));
}

std::array<std::optional<int>, Columns> Solver::analyze(const Board& board, Clock::time_point deadline,
                                                        const std::atomic<bool>* cancel)
{
    m_deadline = deadline;
    m_cancel = cancel;
    m_stopped = false;
    std::array<std::optional<int>, Columns> scores{};
    if (board.isOver())
        return scores;
    const Position position = positionOf(board);
    for (int column = 0; column < Columns; ++column)
    {
        const Bitboard move = position.playable() & bits::column(column);
        if (!move)
            continue;
        if (move & position.winningMoves())
            scores[column] = winNow(position.moves);
        else if (const auto reply = solvePosition(position.after(move)))
            scores[column] = -*reply;
        else
            return {};
    }
    return scores;
}

std::optional<int> Solver::solvePosition(const Position& position)
{
    if (position.winningMoves())
        return winNow(position.moves);
    // A null-window search narrows [min, max] on the exact score; probing near 0 first settles
    // draws and the sign quickly.
    int min = -(Cells - position.moves) / 2;
    int max = winNow(position.moves + 1);
    while (min < max)
    {
        int middle = min + (max - min) / 2;
        if (middle <= 0 && min / 2 < middle)
            middle = min / 2;
        else if (middle >= 0 && max / 2 > middle)
            middle = max / 2;
        const int score = negamax(position, middle, middle + 1);
        if (m_stopped)
            return std::nullopt;
        if (score <= middle)
            max = score;
        else
            min = score;
    }
    return min;
}

// The score of a position whose mover cannot win with its next disc, within [alpha, beta]: a
// value at or below alpha is an upper bound, at or above beta a lower bound.
int Solver::negamax(const Position& position, int alpha, int beta)
{
    // Reading the clock costs more than a node: every 4096 nodes.
    if ((++m_nodes & 4095) == 0 &&
        (Clock::now() >= m_deadline || (m_cancel && m_cancel->load(std::memory_order_relaxed))))
        m_stopped = true;
    if (m_stopped)
        return 0;

    const Bitboard candidates = position.nonLosingMoves();
    if (candidates == 0)
        return -(Cells - position.moves) / 2; // the opponent wins with its next disc
    if (position.moves >= Cells - 2)
        return 0; // two cells left, neither wins: a draw

    // Not losing at once, nor winning at once: the score lies in [min, max].
    const int min = -(Cells - 2 - position.moves) / 2;
    if (alpha < min)
    {
        alpha = min;
        if (alpha >= beta)
            return alpha;
    }
    int max = (Cells - 1 - position.moves) / 2;
    if (const auto* known = m_table->find(position.key()))
    {
        if (known->bound == TranspositionTable::Bound::Upper)
            max = std::min(max, static_cast<int>(known->score));
        else if (known->score > alpha)
        {
            alpha = known->score;
            if (alpha >= beta)
                return alpha;
        }
    }
    if (beta > max)
    {
        beta = max;
        if (alpha >= beta)
            return beta;
    }

    for (const Bitboard move : orderedMoves(position, candidates))
    {
        const int score = -negamax(position.after(move), -beta, -alpha);
        if (m_stopped)
            return 0;
        if (score >= beta)
        {
            m_table->store(position.key(), score, 0, TranspositionTable::Bound::Lower, columnOf(move));
            return score;
        }
        alpha = std::max(alpha, score);
    }
    m_table->store(position.key(), alpha, 0, TranspositionTable::Bound::Upper, -1);
    return alpha;
}

} // namespace connect4
