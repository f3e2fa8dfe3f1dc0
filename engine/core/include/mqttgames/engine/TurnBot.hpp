#pragma once

#include <algorithm>
#include <functional>
#include <limits>
#include <optional>
#include <random>
#include <unordered_map>
#include <vector>

#include <mqttgames/engine/BotLevel.hpp>
#include <mqttgames/engine/Round.hpp>
#include <mqttgames/engine/TurnRules.hpp>

namespace engine
{

/// A computer opponent for a game of turns: a move for the seat to move, or nothing when there is
/// none. Runs on a bot thread with its own copy of the state; polls `control` to stop in time.
template <TurnRules State>
using TurnBot = std::function<std::optional<typename State::Move>(const State& state, BotLevel level, const BotControl& control)>;

/// The engine's default opponent, a search over State::moves(). Easy looks one move ahead (takes a
/// win), medium two (also blocks the partner's), hard deepens until the deadline: with
/// State::key() it remembers solved positions, so small games are played perfectly. Ties are drawn
/// at random, so games vary.
template <TurnRules State>
class TurnSearch
{
public:
    using Move = typename State::Move;

    TurnSearch(const BotControl& control, std::mt19937& random) : m_control(&control), m_random(&random) {}

    std::optional<Move> choose(const State& state, BotLevel level)
    {
        if (state.moves().empty() || state.end())
            return std::nullopt;
        const std::vector<Move> best = deepen(state, level);
        return best.at(std::uniform_int_distribution<std::size_t>(0, best.size() - 1)(*m_random));
    }

    /// Whether the seat to move can force a win, as far as `level` looks: a bot offered a draw
    /// declines it then, and accepts otherwise.
    bool seesWin(const State& state, BotLevel level)
    {
        if (state.moves().empty() || state.end())
            return false;
        deepen(state, level);
        return m_bestScore > 0; // a line cut short scores 0: only a forced end scores above
    }

private:
    /// The best moves at the deepest depth searched whole (every move when time ran out before
    /// the first), their score in m_bestScore.
    std::vector<Move> deepen(const State& state, BotLevel level)
    {
        const std::vector<Move> moves = state.moves();
        const int deepest = level == BotLevel::Easy ? 1 : level == BotLevel::Medium ? 2 : std::numeric_limits<int>::max();
        std::vector<Move> best = moves;
        m_bestScore = 0;
        for (int depth = 1; depth <= deepest; ++depth)
        {
            m_cutOff = false;
            const auto found = bestAtDepth(state, moves, depth);
            if (!found)
                break; // out of time: the last whole depth stands
            best = *found;
            if (!m_cutOff)
                break; // every line was followed to its end: deeper finds nothing new
        }
        return best;
    }

    static constexpr int Win = 1'000'000;
    static constexpr int Infinity = std::numeric_limits<int>::max() / 2;

    struct Value
    {
        int score = 0;      ///< for the seat that moved into the position
        bool exact = false; ///< followed to the end of every line, not cut by depth or pruning
    };

    /// The moves with the best score at this depth; nothing when time ran out.
    std::optional<std::vector<Move>> bestAtDepth(const State& state, const std::vector<Move>& moves, int depth)
    {
        std::vector<Move> best;
        int bestScore = -Infinity;
        for (const Move& move : moves)
        {
            const auto value = afterMove(state, move, depth, -Infinity, Infinity, 1);
            if (!value)
                return std::nullopt;
            if (value->score > bestScore)
                best.clear();
            if (value->score >= bestScore)
            {
                bestScore = value->score;
                best.push_back(move);
            }
        }
        m_bestScore = bestScore;
        return best;
    }

    /// The score of playing `move` for the seat to move in `state`; nothing when time ran out.
    std::optional<Value> afterMove(const State& state, const Move& move, int depth, int alpha, int beta, int ply)
    {
        if (++m_nodes % 1024 == 0 && m_control->shouldStop())
            return std::nullopt;
        const int mover = state.toMove();
        State next = state;
        next.apply(move);
        if (const auto end = next.end())
        {
            const int score = !end->winner ? 0 : *end->winner == mover ? Win - ply : -(Win - ply);
            return Value{score, true};
        }
        if (depth <= 1)
        {
            m_cutOff = true;
            return Value{0, false};
        }
        const bool sameSeat = next.toMove() == mover; // a game may give a seat two moves in a row
        auto value = sameSeat ? position(next, depth - 1, alpha, beta, ply + 1)
                              : position(next, depth - 1, -beta, -alpha, ply + 1);
        if (value && !sameSeat)
            value->score = -value->score;
        return value;
    }

    /// The best score for the seat to move in `state`.
    std::optional<Value> position(const State& state, int depth, int alpha, int beta, int ply)
    {
        if constexpr (KeyedPosition<State>)
        {
            // Solved positions are remembered with their score seen from the seat to move; the
            // distance to the end is kept relative, so a score found at another ply stays true.
            if (const auto known = m_solved.find(state.key()); known != m_solved.end())
                return Value{known->second > 0 ? known->second - ply : known->second < 0 ? known->second + ply : 0, true};
        }
        Value best{-Infinity, true};
        for (const Move& move : state.moves())
        {
            const auto value = afterMove(state, move, depth, alpha, beta, ply);
            if (!value)
                return std::nullopt;
            best.exact = best.exact && value->exact;
            best.score = std::max(best.score, value->score);
            if constexpr (!KeyedPosition<State>)
            {
                // Without a memory, prune; with one, a whole solve is what the memory wants.
                alpha = std::max(alpha, value->score);
                if (alpha >= beta)
                {
                    best.exact = false;
                    break;
                }
            }
        }
        if constexpr (KeyedPosition<State>)
        {
            if (best.exact)
                m_solved[state.key()] = best.score > 0 ? best.score + ply : best.score < 0 ? best.score - ply : 0;
        }
        return best;
    }

    const BotControl* m_control;
    std::mt19937* m_random;
    std::unordered_map<std::uint64_t, int> m_solved;
    std::uint64_t m_nodes = 0;
    bool m_cutOff = false;
    int m_bestScore = 0; ///< of the last depth searched whole
};

/// The default TurnBot: TurnSearch.
template <TurnRules State>
std::optional<typename State::Move> searchMove(const State& state, BotLevel level, const BotControl& control)
{
    std::mt19937 random(std::random_device{}());
    return TurnSearch<State>(control, random).choose(state, level);
}

} // namespace engine
