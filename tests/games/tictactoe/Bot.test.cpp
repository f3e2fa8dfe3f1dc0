// The engine's default computer opponent (engine::TurnSearch), on tic-tac-toe.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>

#include <mqttgames/engine/TurnBot.hpp>
#include <mqttgames/tictactoe/Board.hpp>

using engine::BotLevel;
using tictactoe::Board;

namespace
{

engine::BotControl unhurried()
{
    static const std::atomic<bool> never{false};
    return {std::chrono::steady_clock::now() + std::chrono::seconds(30), &never};
}

struct Tally
{
    int games = 0;
    int losses = 0;
};

// The bot plays at `level` (its choice among equals is random); the opponent tries every legal move.
void explore(const Board& board, int bot, Tally& tally, const engine::BotControl& control)
{
    if (const auto end = board.end())
    {
        ++tally.games;
        tally.losses += end->winner && *end->winner != bot;
        return;
    }
    if (board.toMove() == bot)
    {
        Board next = board;
        next.apply(*engine::searchMove(board, BotLevel::Hard, control));
        return explore(next, bot, tally, control);
    }
    for (const auto& move : board.moves())
    {
        Board next = board;
        next.apply(move);
        explore(next, bot, tally, control);
    }
}

int cellChosen(const char* moves, BotLevel level)
{
    const auto move = engine::searchMove(Board(moves), level, unhurried());
    return move ? move->cell : -1;
}

} // namespace

TEST_CASE("the engine's computer plays tic-tac-toe")
{
    const auto control = unhurried();

    SECTION("hard never loses, against every line of play, as first and as second player")
    {
        for (int bot : {0, 1})
        {
            Tally tally;
            explore(Board(), bot, tally, control);
            INFO("bot plays seat " << bot);
            CHECK(tally.games > 50);
            CHECK(tally.losses == 0);
        }
    }
    SECTION("hard against hard is a draw")
    {
        Board board;
        while (!board.end())
            board.apply(*engine::searchMove(board, BotLevel::Hard, control));
        CHECK_FALSE(board.end()->winner);
    }
    SECTION("every level takes a win in one")
    {
        for (const auto level : {BotLevel::Easy, BotLevel::Medium, BotLevel::Hard})
            for (int i = 0; i < 10; ++i)
                CHECK(cellChosen("1425", level) == 2); // X: 1, 2; O: 4, 5; X takes 3
    }
    SECTION("medium and hard block the opponent's win")
    {
        for (const auto level : {BotLevel::Medium, BotLevel::Hard})
            for (int i = 0; i < 10; ++i)
                CHECK(cellChosen("152", level) == 2); // X: 1, 2 threaten 3; O blocks
    }
    SECTION("every level plays only legal moves, and none once the game is over")
    {
        for (const auto level : {BotLevel::Easy, BotLevel::Medium, BotLevel::Hard})
        {
            Board board;
            while (!board.end())
            {
                const auto move = engine::searchMove(board, level, control);
                REQUIRE(move);
                REQUIRE(board.legal(*move));
                board.apply(*move);
            }
            CHECK_FALSE(engine::searchMove(board, level, control));
        }
    }
    SECTION("a search out of time still answers with a legal move")
    {
        const std::atomic<bool> cancelled{true};
        const engine::BotControl stopped{std::chrono::steady_clock::now(), &cancelled};
        const auto move = engine::searchMove(Board("5"), BotLevel::Hard, stopped);
        REQUIRE(move);
        CHECK(Board("5").legal(*move));
    }
}
