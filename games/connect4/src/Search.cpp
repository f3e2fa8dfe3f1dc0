#include "Search.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <new>

namespace connect4
{

namespace
{

// How many lines of four pass through each cell, bottom row first; central cells matter most.
constexpr std::array<std::array<int, Columns>, Rows> CellWeights{{
    {3, 4, 5, 7, 5, 4, 3},
    {4, 6, 8, 10, 8, 6, 4},
    {5, 8, 11, 13, 11, 8, 5},
    {5, 8, 11, 13, 11, 8, 5},
    {4, 6, 8, 10, 8, 6, 4},
    {3, 4, 5, 7, 5, 4, 3},
}};

constexpr int ThreatWeight = 12;
constexpr int Infinity = std::numeric_limits<std::int16_t>::max();

// Cells grouped by weight, so that evaluating is a few popcounts.
struct WeightMask
{
    int weight;
    Bitboard cells;
};

constexpr auto weightMasks()
{
    std::array<WeightMask, 9> masks{};
    std::size_t used = 0;
    for (int row = 0; row < Rows; ++row)
        for (int column = 0; column < Columns; ++column)
        {
            const int weight = CellWeights[row][column];
            std::size_t i = 0;
            while (i < used && masks[i].weight != weight)
                ++i;
            if (i == used)
                masks[used++] = {weight, 0};
            masks[i].cells |= bits::cell(column, row);
        }
    return masks;
}

constexpr auto WeightMasks = weightMasks();

// Threats on odd rows (1-based) favour the first player, on even rows the second: as the board fills,
// zugzwang lets each side claim the cells of its own parity.
constexpr Bitboard oddRows()
{
    Bitboard mask = 0;
    for (int column = 0; column < Columns; ++column)
        for (int row = 0; row < Rows; row += 2)
            mask |= bits::cell(column, row);
    return mask;
}

constexpr Bitboard OddRows = oddRows();

} // namespace

Position positionOf(const Board& board)
{
    return {board.discs(board.toMove()), board.occupied(), board.moveCount()};
}

Bitboard Position::nonLosingMoves() const
{
    Bitboard possible = playable();
    const Bitboard opponentWins = bits::winningCells(opponent(), occupied);
    const Bitboard forced = possible & opponentWins;
    if (forced)
    {
        if (forced & (forced - 1))
            return 0;
        possible = forced;
    }
    // Never play right below a cell where the opponent would complete four.
    return possible & ~(opponentWins >> 1);
}

TranspositionTable::TranspositionTable(int log2Size)
    : m_entries(static_cast<Entry*>(std::calloc(std::size_t{1} << log2Size, sizeof(Entry))))
    , m_shift(64 - log2Size)
{
    if (!m_entries)
        throw std::bad_alloc();
}

const TranspositionTable::Entry* TranspositionTable::find(Bitboard key) const
{
    const Entry& entry = m_entries[indexOf(key)];
    return entry.key == key && entry.depthPlusOne > 0 ? &entry : nullptr;
}

void TranspositionTable::store(Bitboard key, int score, int depth, Bound bound, int column)
{
    m_entries[indexOf(key)] = {key, static_cast<std::int16_t>(score), static_cast<std::int8_t>(depth + 1), bound,
                                    static_cast<std::int8_t>(column)};
}

Search::Search(TranspositionTable* table, Clock::time_point deadline, const std::atomic<bool>* cancel)
    : m_table(table)
    , m_deadline(deadline)
    , m_cancel(cancel)
{
}

bool Search::timeIsUp() const
{
    return Clock::now() >= m_deadline || (m_cancel && m_cancel->load(std::memory_order_relaxed));
}

int Search::negamax(const Position& position, int depth, int alpha, int beta)
{
    // Reading the clock costs more than a node, so only every 2048 nodes.
    if ((++m_nodes & 2047) == 0 && timeIsUp())
        m_stopped = true;
    if (m_stopped)
        return 0;

    if (position.winningMoves())
        return winScoreAt(position.moves);
    const Bitboard candidates = position.nonLosingMoves();
    if (candidates == 0)
        return -winScoreAt(position.moves + 1);
    if (position.moves >= Cells - 2)
        return 0;
    if (depth <= 0)
        return evaluate(position);

    // Neither side wins on the next move, which bounds the result from both sides.
    beta = std::min(beta, winScoreAt(position.moves + 2));
    alpha = std::max(alpha, -winScoreAt(position.moves + 3));
    if (alpha >= beta)
        return alpha;

    int preferred = -1;
    if (m_table)
        if (const auto* entry = m_table->find(position.key()))
        {
            preferred = entry->column;
            if (entry->depth() >= depth)
            {
                if (entry->bound == TranspositionTable::Bound::Exact)
                    return entry->score;
                if (entry->bound == TranspositionTable::Bound::Lower)
                    alpha = std::max(alpha, static_cast<int>(entry->score));
                else
                    beta = std::min(beta, static_cast<int>(entry->score));
                if (alpha >= beta)
                    return entry->score;
            }
        }

    const int originalAlpha = alpha;
    int best = -Infinity;
    int bestColumn = -1;
    for (const Bitboard move : orderedMoves(position, candidates, preferred))
    {
        const int score = -negamax(position.after(move), depth - 1, -beta, -alpha);
        if (m_stopped)
            return 0;
        if (score > best)
        {
            best = score;
            bestColumn = columnOf(move);
        }
        alpha = std::max(alpha, score);
        if (alpha >= beta)
            break;
    }

    if (m_table)
    {
        const auto bound = best <= originalAlpha ? TranspositionTable::Bound::Upper
                           : best >= beta        ? TranspositionTable::Bound::Lower
                                                 : TranspositionTable::Bound::Exact;
        m_table->store(position.key(), best, depth, bound, bestColumn);
    }
    return best;
}

MoveList orderedMoves(const Position& position, Bitboard candidates, int preferredColumn)
{
    struct Scored
    {
        Bitboard move;
        int score;
    };
    std::array<Scored, Columns> scored{};
    std::size_t count = 0;
    for (const int column : CenterFirst)
    {
        const Bitboard move = candidates & bits::column(column);
        if (!move)
            continue;
        // Moves that create many threats first; the preferred move (from the table) before all.
        int score = bits::count(bits::winningCells(position.current | move, position.occupied | move));
        if (column == preferredColumn)
            score += 1000;
        scored[count++] = {move, score};
    }
    std::stable_sort(scored.begin(), scored.begin() + count,
                     [](const Scored& a, const Scored& b) { return a.score > b.score; });

    MoveList list;
    for (std::size_t i = 0; i < count; ++i)
        list.moves[i] = scored[i].move;
    list.count = count;
    return list;
}

int evaluate(const Position& position)
{
    const Bitboard mine = position.current;
    const Bitboard theirs = position.opponent();
    int score = 0;
    for (const WeightMask& mask : WeightMasks)
        score += mask.weight * (bits::count(mine & mask.cells) - bits::count(theirs & mask.cells));

    const Bitboard myThreats = bits::winningCells(mine, position.occupied);
    const Bitboard theirThreats = bits::winningCells(theirs, position.occupied);
    score += ThreatWeight * (bits::count(myThreats) - bits::count(theirThreats));

    // The mover is First when an even number of discs has been played.
    const Bitboard myGoodRows = position.moves % 2 == 0 ? OddRows : bits::board() & ~OddRows;
    score += ThreatWeight / 2 * (bits::count(myThreats & myGoodRows) - bits::count(theirThreats & ~myGoodRows));
    return score;
}

int columnOf(Bitboard move)
{
    return std::countr_zero(move) / bits::ColumnBits;
}

} // namespace connect4
