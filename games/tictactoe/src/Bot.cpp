#include <mqttgames/tictactoe/Bot.hpp>

#include <algorithm>

namespace tictactoe
{

namespace
{

// +1 when the player to move can force a win, 0 a draw, -1 a loss. The tree has < 600k leaves
// without pruning, so plain negamax with alpha-beta answers in well under a millisecond.
int negamax(Board& board, int alpha, int beta)
{
    if (board.winner() != Mark::None)
        return -1; // the previous player just completed a line
    if (board.isFull())
        return 0;
    for (int cell = 0; cell < Board::CellCount; ++cell)
    {
        if (!board.canPlay(cell))
            continue;
        Board next = board;
        next.play(cell);
        alpha = std::max(alpha, -negamax(next, -beta, -alpha));
        if (alpha >= beta)
            break;
    }
    return alpha;
}

int winningMove(const Board& board, Mark player)
{
    for (const auto& line : Board::lines())
    {
        int own = 0;
        int empty = -1;
        for (int cell : line)
        {
            if (board.at(cell) == player)
                ++own;
            else if (board.at(cell) == Mark::None)
                empty = cell;
        }
        if (own == 2 && empty >= 0 && board.canPlay(empty))
            return empty;
    }
    return -1;
}

int randomMove(const Board& board, std::mt19937& random)
{
    std::vector<int> free;
    for (int cell = 0; cell < Board::CellCount; ++cell)
        if (board.canPlay(cell))
            free.push_back(cell);
    if (free.empty())
        return -1;
    return free[std::uniform_int_distribution<std::size_t>(0, free.size() - 1)(random)];
}

} // namespace

std::vector<int> bestMoves(const Board& board)
{
    std::vector<int> best;
    int bestScore = -2;
    for (int cell = 0; cell < Board::CellCount; ++cell)
    {
        if (!board.canPlay(cell))
            continue;
        Board next = board;
        next.play(cell);
        const int score = -negamax(next, -1, 1);
        if (score > bestScore)
        {
            bestScore = score;
            best.clear();
        }
        if (score == bestScore)
            best.push_back(cell);
    }
    return best;
}

int chooseMove(const Board& board, Level level, std::mt19937& random, const std::function<bool()>& stop)
{
    if (board.isOver())
        return -1;
    const Mark me = board.toMove();
    if (const int win = winningMove(board, me); win >= 0)
        return win;
    if (level == Level::Easy)
        return randomMove(board, random);
    if (const int block = winningMove(board, opponent(me)); block >= 0)
        return block;
    if (level == Level::Medium || (stop && stop()))
        return randomMove(board, random);
    const auto best = bestMoves(board);
    return best[std::uniform_int_distribution<std::size_t>(0, best.size() - 1)(random)];
}

} // namespace tictactoe
