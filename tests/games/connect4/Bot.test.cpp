#include <mqttgames/connect4/Bot.hpp>

#include <catch2/catch.hpp>

#include <random>
#include <vector>

using connect4::Board;
using connect4::Bot;
using connect4::Disc;
using connect4::Level;
using namespace std::chrono_literals;

namespace
{

Board after(Board board, int column)
{
    board.play(column);
    return board;
}

bool forcesWinWithin(const Board& board, int ownMoves);

// True when this move wins at once or leaves the opponent only replies after which the mover still
// forces a win within ownMoves - 1 further moves. Plain brute force, independent of the bot.
bool moveForcesWin(const Board& board, int column, int ownMoves)
{
    if (!board.canPlay(column))
        return false;
    const Disc mover = board.toMove();
    const Board next = after(board, column);
    if (next.winner() == mover)
        return true;
    if (next.isOver() || ownMoves <= 1)
        return false;
    for (int reply = 0; reply < connect4::Columns; ++reply)
        if (next.canPlay(reply))
        {
            const Board answered = after(next, reply);
            if (answered.isOver() || !forcesWinWithin(answered, ownMoves - 1))
                return false;
        }
    return true;
}

// True when the mover can force four in a row with at most ownMoves of its own discs.
bool forcesWinWithin(const Board& board, int ownMoves)
{
    if (ownMoves <= 0 || board.isOver())
        return false;
    for (int column = 0; column < connect4::Columns; ++column)
        if (moveForcesWin(board, column, ownMoves))
            return true;
    return false;
}

bool isWinInExactly(const Board& board, int ownMoves)
{
    return forcesWinWithin(board, ownMoves) && !forcesWinWithin(board, ownMoves - 1);
}

// Positions reached by seeded random play whose mover wins in exactly ownMoves moves.
std::vector<Board> randomWinsIn(int ownMoves, std::size_t wanted, std::uint64_t seed)
{
    std::mt19937_64 random(seed);
    std::vector<Board> found;
    for (int attempt = 0; attempt < 20000 && found.size() < wanted; ++attempt)
    {
        Board board;
        const int length = std::uniform_int_distribution<int>(6, 24)(random);
        while (board.moveCount() < length && !board.isOver())
        {
            const int column = std::uniform_int_distribution<int>(0, connect4::Columns - 1)(random);
            const Board next = after(board, column);
            if (!next.isOver())
                board = next;
        }
        if (!board.isOver() && isWinInExactly(board, ownMoves))
            found.push_back(board);
    }
    return found;
}

} // namespace

TEST_CASE("connect4::Bot")
{
    SECTION("returns no move when the game is over")
    {
        for (const Level level : {Level::Easy, Level::Medium, Level::Hard})
        {
            Bot bot(level);
            CHECK(bot.chooseMove(Board("1212121"), 20ms).column == -1);
        }
    }

    SECTION("Easy plays legal moves, takes an immediate win and repeats itself for a seed")
    {
        std::vector<int> firstGame;
        for (int run = 0; run < 2; ++run)
        {
            Bot bot(Level::Easy, 42);
            Board board;
            std::vector<int> moves;
            while (!board.isOver())
            {
                const Board before = board;
                const int column = bot.chooseMove(board).column;
                INFO(before);
                REQUIRE(board.play(column));
                if (forcesWinWithin(before, 1))
                    CHECK(board.winner() == before.toMove());
                moves.push_back(column);
            }
            if (run == 0)
                firstGame = moves;
            else
                CHECK(moves == firstGame);
        }
    }

    SECTION("Medium blocks an immediate threat")
    {
        for (const char* moves : {"12121", "11223", "34455656", "55666647744", "51566313373463", "2616315"})
        {
            const Board board(moves);
            INFO(board);
            // The position must really be a forced block: no own win, and one move only that
            // leaves the opponent without an immediate win.
            REQUIRE_FALSE(forcesWinWithin(board, 1));
            std::vector<int> safe;
            for (int column = 0; column < connect4::Columns; ++column)
                if (board.canPlay(column) && !forcesWinWithin(after(board, column), 1))
                    safe.push_back(column);
            REQUIRE(safe.size() == 1);
            for (std::uint64_t seed = 0; seed < 4; ++seed)
            {
                Bot bot(Level::Medium, seed);
                CHECK(bot.chooseMove(board).column == safe.front());
            }
        }
    }

    SECTION("Hard plays a winning move whenever it can force a win in 1, 2 or 3 moves")
    {
        const std::vector<std::vector<const char*>> handMade{
            {"112233", "445566", "121212"},
            {"4455", "3344", "444433"},
            {"71544456", "333243553", "53445443"},
        };
        Bot bot(Level::Hard, 1);
        for (int ownMoves = 1; ownMoves <= 3; ++ownMoves)
        {
            std::vector<Board> positions;
            for (const char* moves : handMade[ownMoves - 1])
                positions.emplace_back(moves);
            for (const Board& board : randomWinsIn(ownMoves, 5, 100 + ownMoves))
                positions.push_back(board);
            REQUIRE(positions.size() >= 6);

            for (const Board& board : positions)
            {
                INFO("win in " << ownMoves << "\n" << board);
                REQUIRE(isWinInExactly(board, ownMoves));
                const auto result = bot.chooseMove(board, 100ms);
                INFO("bot played column " << result.column + 1 << ", score " << result.score);
                CHECK(moveForcesWin(board, result.column, ownMoves));
                // A forced reply is played at once, without a search to score it.
                if (result.depth > 1)
                    CHECK(result.score >= connect4::WinScore);
            }
        }
    }

    SECTION("Hard moving first beats Easy every game")
    {
        Bot hard(Level::Hard);
        for (std::uint64_t seed = 1; seed <= 5; ++seed)
        {
            Bot easy(Level::Easy, seed);
            Board board;
            while (!board.isOver())
            {
                Bot& bot = board.toMove() == Disc::First ? hard : easy;
                REQUIRE(board.play(bot.chooseMove(board, 20ms).column));
            }
            INFO("Easy seed " << seed << "\n" << board);
            CHECK(board.winner() == Disc::First);
        }
    }

    SECTION("Hard keeps to its budget and stops when cancelled")
    {
        Bot bot(Level::Hard);
        const Board board("4453");
        const auto timed = bot.chooseMove(board, 30ms);
        CHECK(board.canPlay(timed.column));
        CHECK(timed.elapsed < 30ms + 100ms);
        CHECK(timed.nodes > 0);

        const std::atomic<bool> cancel{true};
        const auto cancelled = bot.chooseMove(Board("44"), 10s, &cancel);
        CHECK(Board("44").canPlay(cancelled.column));
        CHECK(cancelled.elapsed < 1s);
    }
}
