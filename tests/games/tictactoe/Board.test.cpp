#include <catch2/catch.hpp>

#include <set>
#include <sstream>

#include <mqttgames/tictactoe/Board.hpp>

using tictactoe::Board;
using tictactoe::Mark;

namespace
{

std::string text(const Board& board)
{
    std::ostringstream out;
    out << board;
    return out.str();
}

// Every position reachable from `board`, by key.
void reach(const Board& board, std::set<std::uint64_t>& keys, std::set<std::string>& texts)
{
    keys.insert(board.key());
    texts.insert(text(board) + std::to_string(board.toMove()));
    for (const auto& move : board.moves())
    {
        Board next = board;
        next.apply(move);
        reach(next, keys, texts);
    }
}

} // namespace

TEST_CASE("tictactoe::Board")
{
    SECTION("starts empty with X to move")
    {
        const Board board;
        CHECK(board.toMove() == 0);
        CHECK(board.moves().size() == 9);
        CHECK_FALSE(board.end());
        for (int cell = 0; cell < 9; ++cell)
            CHECK(board.at(cell) == Mark::None);
    }
    SECTION("players alternate, X first")
    {
        Board board;
        board.apply({4});
        CHECK(board.at(4) == Mark::X);
        CHECK(board.toMove() == 1);
        board.apply({0});
        CHECK(board.at(0) == Mark::O);
        CHECK(board.toMove() == 0);
        CHECK(board == Board("51"));
        CHECK(board.moves().size() == 7);
    }
    SECTION("every line wins, for the player who completes it")
    {
        const std::pair<const char*, int> wins[] = {
            {"14253", 0}, {"47586", 0}, {"71829", 0}, {"12437", 0}, {"21548", 0}, {"32659", 0}, {"12539", 0}, {"32517", 0},
            {"417283", 1}, {"142596", 1}, {"718253", 1},
        };
        for (const auto& [moves, winner] : wins)
        {
            INFO(moves);
            const Board board(moves);
            REQUIRE(board.end());
            CHECK(board.end()->winner == winner);
            REQUIRE(board.winningLine());
            CHECK(board.moves().empty());
        }
    }
    SECTION("a full board without a line is a draw; a win on the last move is a win")
    {
        const Board draw("123546879");
        REQUIRE(draw.end());
        CHECK_FALSE(draw.end()->winner);
        CHECK_FALSE(draw.winningLine());
        const Board late("123456879");
        REQUIRE(late.end());
        CHECK(late.end()->winner == 0);
    }
    SECTION("illegal moves: a taken cell, off the board, after the end")
    {
        const Board board("5");
        CHECK_FALSE(board.legal({4}));
        CHECK_FALSE(board.legal({-1}));
        CHECK_FALSE(board.legal({9}));
        CHECK_FALSE(Board("14253").legal({8}));
        CHECK_THROWS_WITH(Board("55"), Catch::Contains("'5'") && Catch::Contains("position 2"));
        CHECK_THROWS_WITH(Board("142537"), Catch::Contains("'7'"));
        CHECK_THROWS_AS(Board("0"), std::invalid_argument);
    }
    SECTION("the notation is 1..9 row-major from the top-left")
    {
        CHECK(Board::parse("1")->cell == 0);
        CHECK(Board::parse("9")->cell == 8);
        CHECK_FALSE(Board::parse("0"));
        CHECK_FALSE(Board::parse("10"));
        CHECK_FALSE(Board::parse(""));
        CHECK(Board::notation({4}) == "5");
    }
    SECTION("a move is {\"cell\": 1..9} on the wire and reads back as the same cell")
    {
        CHECK(nlohmann::json(tictactoe::Move{4}) == nlohmann::json{{"cell", 5}});
        for (int cell = 0; cell < 9; ++cell)
            CHECK(nlohmann::json(tictactoe::Move{cell}).get<tictactoe::Move>().cell == cell);
        CHECK_THROWS(nlohmann::json{{"cell", "5"}}.get<tictactoe::Move>());
        CHECK_THROWS(nlohmann::json{{"cell", 5.5}}.get<tictactoe::Move>());
        CHECK_THROWS(nlohmann::json::object().get<tictactoe::Move>());
    }
    SECTION("prints as three rows")
    {
        CHECK(text(Board("5137")) == "O . X\n. X .\nO . .\n");
    }
    SECTION("each reachable position has a key of its own")
    {
        std::set<std::uint64_t> keys;
        std::set<std::string> texts;
        reach(Board(), keys, texts);
        CHECK(keys.size() == 5478); // the legal positions of tic-tac-toe
        CHECK(keys.size() == texts.size());
    }
}
