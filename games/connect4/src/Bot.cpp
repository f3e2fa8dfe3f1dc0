#include <mqttgames/connect4/Bot.hpp>

#include "Search.hpp"

#include <bit>
#include <vector>

namespace connect4
{

namespace
{

constexpr int MediumDepth = 4;
constexpr int TableLog2Size = 20;
constexpr int RootBound = 1 << 14;

std::vector<int> columnsOf(Bitboard moves)
{
    std::vector<int> columns;
    for (int column = 0; column < Columns; ++column)
        if (moves & bits::column(column))
            columns.push_back(column);
    return columns;
}

// A win now, or the only move that does not lose at once; -1 when the position needs a search.
int obviousMove(const Position& position)
{
    if (const Bitboard wins = position.winningMoves())
        return columnOf(wins & -wins);
    const Bitboard safe = position.nonLosingMoves();
    if (std::has_single_bit(safe))
        return columnOf(safe);
    return -1;
}

} // namespace

Bot::Bot(Level level, std::uint64_t seed)
    : m_level(level)
    , m_random(seed)
{
    if (level == Level::Hard)
        m_table = std::make_unique<TranspositionTable>(TableLog2Size);
}

Bot::~Bot() = default;
Bot::Bot(Bot&&) noexcept = default;
Bot& Bot::operator=(Bot&&) noexcept = default;

Level Bot::level() const
{
    return m_level;
}

SearchResult Bot::chooseMove(const Board& board, std::chrono::milliseconds budget, const std::atomic<bool>* cancel)
{
    const auto start = std::chrono::steady_clock::now();
    SearchResult result;
    if (board.isOver())
        return result;

    switch (m_level)
    {
    case Level::Easy: result = playRandom(board); break;
    case Level::Medium: result = searchFixedDepth(board, MediumDepth, start + budget, cancel); break;
    case Level::Hard: result = searchDeepening(board, start + budget, cancel); break;
    }
    result.elapsed = std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - start);
    return result;
}

SearchResult Bot::playRandom(const Board& board)
{
    const Position position = positionOf(board);
    SearchResult result;
    result.nodes = 1;
    if (const Bitboard wins = position.winningMoves())
    {
        result.column = columnOf(wins & -wins);
        result.score = winScoreAt(position.moves);
        result.depth = 1;
        return result;
    }
    const std::vector<int> columns = columnsOf(position.playable());
    result.column = columns[std::uniform_int_distribution<std::size_t>(0, columns.size() - 1)(m_random)];
    return result;
}

SearchResult Bot::searchFixedDepth(const Board& board, int depth, std::chrono::steady_clock::time_point deadline,
                                   const std::atomic<bool>* cancel)
{
    const Position position = positionOf(board);
    Search search(nullptr, deadline, cancel);

    // A full window for every move gives exact scores, so equally good moves can be drawn at random.
    std::vector<int> bestColumns;
    int bestScore = -RootBound;
    for (const Bitboard move : orderedMoves(position, position.playable(), -1))
    {
        const Position next = position.after(move);
        const int score = bits::hasFour(next.opponent()) ? winScoreAt(position.moves)
                                                         : -search.negamax(next, depth - 1, -RootBound, RootBound);
        if (search.stopped())
            break;
        if (score > bestScore)
        {
            bestScore = score;
            bestColumns.clear();
        }
        if (score == bestScore)
            bestColumns.push_back(columnOf(move));
    }

    SearchResult result;
    result.nodes = search.nodes();
    if (bestColumns.empty())
    {
        // Stopped before the first move was scored: any legal move beats none.
        result.column = columnOf(orderedMoves(position, position.playable(), -1).moves[0]);
        return result;
    }
    result.column = bestColumns[std::uniform_int_distribution<std::size_t>(0, bestColumns.size() - 1)(m_random)];
    result.score = bestScore;
    result.depth = search.stopped() ? 0 : depth;
    return result;
}

SearchResult Bot::searchDeepening(const Board& board, std::chrono::steady_clock::time_point deadline,
                                  const std::atomic<bool>* cancel)
{
    const Position position = positionOf(board);
    SearchResult result;
    result.nodes = 1;
    if (const int column = obviousMove(position); column >= 0)
    {
        result.column = column;
        result.depth = 1;
        result.score = position.winningMoves() ? winScoreAt(position.moves) : 0;
        return result;
    }

    Search search(m_table.get(), deadline, cancel);

    // When every move loses, still search them all to resist as long as possible.
    Bitboard candidates = position.nonLosingMoves();
    if (candidates == 0)
        candidates = position.playable();
    result.column = columnOf(orderedMoves(position, candidates, -1).moves[0]);

    const int remaining = Cells - position.moves;
    for (int depth = 1; depth <= remaining; ++depth)
    {
        int alpha = -RootBound;
        int bestColumn = -1;
        for (const Bitboard move : orderedMoves(position, candidates, result.column))
        {
            const int score = -search.negamax(position.after(move), depth - 1, -RootBound, -alpha);
            if (search.stopped())
                break;
            if (score > alpha)
            {
                alpha = score;
                bestColumn = columnOf(move);
            }
        }
        // The previous best move is searched first, so a better move found before a stop is trustworthy.
        if (bestColumn >= 0)
        {
            result.column = bestColumn;
            result.score = alpha;
        }
        if (search.stopped())
            break;
        result.depth = depth;
        if (alpha >= WinScore || alpha <= -WinScore)
            break;
    }
    result.nodes = search.nodes();
    return result;
}

} // namespace connect4
