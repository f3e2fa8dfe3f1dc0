#include <catch2/catch.hpp>

#include <sstream>

#include <mqttgames/tictactoe/Board.hpp>

using tictactoe::Board;
using tictactoe::Mark;

namespace
{

// A move string in which `player` fills `line` while the other player stays off every line.
std::string gameWinning(const Board::Line& line, Mark player)
{
    // Plays the line's cells for `player`, and for the other player the first free cells that
    // do not complete any line of theirs, checked by the rules themselves.
    for (int skip = 0; skip < 64; ++skip)
    {
        Board board;
        std::string moves;
        int lineIndex = 0;
        int filler = 0;
        int tries = 0;
        bool failed = false;
        if (player == Mark::O)
        {
            // X opens away from the line.
            for (int cell = skip % Board::CellCount; !failed; cell = (cell + 1) % Board::CellCount)
            {
                if (std::find(line.begin(), line.end(), cell) == line.end())
                {
                    board.play(cell);
                    moves += tictactoe::cellName(cell);
                    break;
                }
            }
        }
        while (!board.isOver() && tries++ < 20)
        {
            if (board.toMove() == player)
            {
                board.play(line[lineIndex]);
                moves += tictactoe::cellName(line[lineIndex++]);
                continue;
            }
            bool played = false;
            for (int step = 0; step < Board::CellCount && !played; ++step)
            {
                const int cell = (filler + skip + step) % Board::CellCount;
                if (std::find(line.begin(), line.end(), cell) != line.end() || !board.canPlay(cell))
                    continue;
                Board next = board;
                next.play(cell);
                if (next.winner() != Mark::None)
                    continue;
                board = next;
                moves += tictactoe::cellName(cell);
                played = true;
            }
            if (!played)
                failed = true;
            ++filler;
            if (failed)
                break;
        }
        if (!failed && board.winner() == player && board.winningLine() == line)
            return moves;
    }
    return {};
}

} // namespace

TEST_CASE("tictactoe::Board")
{
    SECTION("starts empty with X to move")
    {
        const Board board;
        CHECK(board.toMove() == Mark::X);
        CHECK(board.moveCount() == 0);
        CHECK_FALSE(board.isOver());
        for (int cell = 0; cell < Board::CellCount; ++cell)
        {
            CHECK(board.at(cell) == Mark::None);
            CHECK(board.canPlay(cell));
        }
    }

    SECTION("players alternate, X first")
    {
        Board board("5");
        CHECK(board.at(4) == Mark::X);
        CHECK(board.toMove() == Mark::O);
        REQUIRE(board.play(0));
        CHECK(board.at(0, 0) == Mark::O);
        CHECK(board.toMove() == Mark::X);
        CHECK(board.moves() == "51");
    }

    SECTION("every line wins, for both players")
    {
        for (const auto& line : Board::lines())
        {
            for (Mark player : {Mark::X, Mark::O})
            {
                const std::string moves = gameWinning(line, player);
                INFO("line " << line[0] << line[1] << line[2] << " for " << tictactoe::toString(player));
                REQUIRE_FALSE(moves.empty());
                const Board board(moves);
                INFO(board);
                CHECK(board.winner() == player);
                CHECK(board.winningLine() == line);
                CHECK(board.isOver());
                CHECK(board.toMove() == Mark::None);
                for (int cell = 0; cell < Board::CellCount; ++cell)
                    CHECK_FALSE(board.canPlay(cell));
            }
        }
    }

    SECTION("a full board without a line is a draw")
    {
        const Board board("123546879");
        INFO(board);
        CHECK(board.isFull());
        CHECK(board.isOver());
        CHECK(board.winner() == Mark::None);
        CHECK_FALSE(board.winningLine());
    }

    SECTION("a win on the last move is a win, not a draw")
    {
        const Board board("123546897"); // X: 1 3 4 8 7 -> 1,4,7 column
        INFO(board);
        CHECK(board.isFull());
        CHECK(board.winner() == Mark::X);
    }

    SECTION("illegal moves are refused and leave the board unchanged")
    {
        Board board("5");
        const Board before = board;
        CHECK_FALSE(board.play(4));  // occupied
        CHECK_FALSE(board.play(-1)); // out of range
        CHECK_FALSE(board.play(9));
        CHECK(board == before);

        Board over("14253");
        REQUIRE(over.winner() == Mark::X);
        const Board finished = over;
        CHECK_FALSE(over.play(8)); // after game over
        CHECK(over == finished);

        CHECK_THROWS_AS(Board("55"), std::invalid_argument);
        CHECK_THROWS_AS(Board("0"), std::invalid_argument);
        CHECK_THROWS_WITH(Board("142537"), Catch::Contains("'7'"));
    }

    SECTION("the notation is 1..9 row-major from the top-left")
    {
        CHECK(tictactoe::parseCell("1") == 0);
        CHECK(tictactoe::parseCell(" 9\n") == 8);
        CHECK_FALSE(tictactoe::parseCell("0"));
        CHECK_FALSE(tictactoe::parseCell("10"));
        CHECK_FALSE(tictactoe::parseCell("a"));
        CHECK_FALSE(tictactoe::parseCell(""));
        CHECK(tictactoe::cellName(2) == "3");
    }

    SECTION("prints as three rows")
    {
        std::ostringstream out;
        out << Board("519");
        CHECK(out.str() == "O . .\n. X .\n. . X\n");
    }
}
