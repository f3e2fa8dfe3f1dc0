#include <mqttgames/connect4/Board.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <sstream>
#include <stdexcept>

using connect4::Board;
using connect4::Cell;
using connect4::Disc;

namespace
{

// Plays the given 1-based columns and checks each move was accepted.
Board playAll(std::string_view moves)
{
    Board board;
    for (const char move : moves)
        REQUIRE(board.play(move - '1'));
    return board;
}

bool lineContains(const std::array<Cell, 4>& line, Cell cell)
{
    return std::find(line.begin(), line.end(), cell) != line.end();
}

} // namespace

TEST_CASE("connect4::Board")
{
    SECTION("starts empty with First to move")
    {
        const Board board;
        CHECK(board.moveCount() == 0);
        CHECK(board.toMove() == Disc::First);
        CHECK(board.winner() == Disc::None);
        CHECK_FALSE(board.isOver());
        CHECK_FALSE(board.winningLine());
        for (int column = 0; column < connect4::Columns; ++column)
        {
            CHECK(board.canPlay(column));
            CHECK(board.height(column) == 0);
        }
        CHECK_FALSE(board.canPlay(-1));
        CHECK_FALSE(board.canPlay(connect4::Columns));
    }

    SECTION("discs fall to the lowest free cell and players alternate")
    {
        const Board board = playAll("445");
        INFO(board);
        CHECK(board.at(3, 0) == Disc::First);
        CHECK(board.at(3, 1) == Disc::Second);
        CHECK(board.at(4, 0) == Disc::First);
        CHECK(board.at(4, 1) == Disc::None);
        CHECK(board.height(3) == 2);
        CHECK(board.toMove() == Disc::Second);
        CHECK(board.at(-1, 0) == Disc::None);
        CHECK(board.at(0, connect4::Rows) == Disc::None);
    }

    SECTION("four in a column wins")
    {
        const Board board = playAll("1212121");
        INFO(board);
        CHECK(board.winner() == Disc::First);
        CHECK(board.isOver());
        CHECK(board.toMove() == Disc::None);
        const auto line = board.winningLine();
        REQUIRE(line);
        for (int row = 0; row < 4; ++row)
            CHECK(lineContains(*line, {0, row}));
    }

    SECTION("four in a row wins")
    {
        const Board board = playAll("71726364");
        INFO(board);
        CHECK(board.winner() == Disc::Second);
        const auto line = board.winningLine();
        REQUIRE(line);
        for (int column = 0; column < 4; ++column)
            CHECK(lineContains(*line, {column, 0}));
    }

    SECTION("four on a rising diagonal wins")
    {
        const Board board = playAll("12233434544");
        INFO(board);
        CHECK(board.winner() == Disc::First);
        const auto line = board.winningLine();
        REQUIRE(line);
        for (int i = 0; i < 4; ++i)
            CHECK(lineContains(*line, {i, i}));
    }

    SECTION("four on a falling diagonal wins")
    {
        const Board board = playAll("76655454344");
        INFO(board);
        CHECK(board.winner() == Disc::First);
        const auto line = board.winningLine();
        REQUIRE(line);
        for (int i = 0; i < 4; ++i)
            CHECK(lineContains(*line, {6 - i, i}));
    }

    SECTION("three in a row does not win")
    {
        const Board board = playAll("112233");
        INFO(board);
        CHECK(board.winner() == Disc::None);
        CHECK_FALSE(board.isOver());
    }

    SECTION("a full column refuses more discs")
    {
        Board board = playAll("111111");
        INFO(board);
        CHECK(board.height(0) == connect4::Rows);
        CHECK_FALSE(board.canPlay(0));
        const Board before = board;
        CHECK_FALSE(board.play(0));
        CHECK(board == before);
    }

    SECTION("a full board without four is a draw")
    {
        const Board board = playAll("141724165222235463442116413773377573556656");
        INFO(board);
        CHECK(board.isFull());
        CHECK(board.isOver());
        CHECK(board.winner() == Disc::None);
        CHECK_FALSE(board.winningLine());
        CHECK(board.toMove() == Disc::None);
        for (int column = 0; column < connect4::Columns; ++column)
            CHECK_FALSE(board.canPlay(column));
    }

    SECTION("no move is accepted after a win")
    {
        Board board = playAll("1212121");
        const Board before = board;
        for (int column = 0; column < connect4::Columns; ++column)
        {
            CHECK_FALSE(board.canPlay(column));
            CHECK_FALSE(board.play(column));
        }
        CHECK(board == before);
    }

    SECTION("the move string round-trips")
    {
        std::mt19937_64 random(7);
        for (int game = 0; game < 50; ++game)
        {
            Board board;
            while (!board.isOver())
            {
                const int column = std::uniform_int_distribution<int>(0, connect4::Columns - 1)(random);
                board.play(column);
            }
            INFO(board);
            const Board copy(board.moves());
            CHECK(copy == board);
            CHECK(copy.moves() == board.moves());
            CHECK(copy.winner() == board.winner());
            CHECK(copy.discs(Disc::First) == board.discs(Disc::First));
            CHECK(copy.discs(Disc::Second) == board.discs(Disc::Second));
        }
    }

    SECTION("a bad move string throws, naming the bad move")
    {
        const auto messageOf = [](std::string_view moves) -> std::string
        {
            try
            {
                Board{moves};
            }
            catch (const std::invalid_argument& error)
            {
                return error.what();
            }
            return "";
        };
        CHECK_THAT(messageOf("448"), Catch::Contains("move 3") && Catch::Contains("'8'"));
        CHECK_THAT(messageOf("40"), Catch::Contains("move 2") && Catch::Contains("'0'"));
        CHECK_THAT(messageOf("4x"), Catch::Contains("'x'"));
        CHECK_THAT(messageOf("1111111"), Catch::Contains("move 7") && Catch::Contains("full"));
        CHECK_THAT(messageOf("12121213"), Catch::Contains("move 8") && Catch::Contains("over"));
        CHECK(messageOf("4444") == "");
    }

    SECTION("prints a grid with column numbers")
    {
        std::ostringstream out;
        out << playAll("43");
        const std::string text = out.str();
        INFO(text);
        CHECK_THAT(text, Catch::Contains("1 2 3 4 5 6 7"));
        CHECK_THAT(text, Catch::Contains("| . . O X . . . |"));
        CHECK_THAT(text, Catch::Contains("| . . . . . . . |"));
    }
}
