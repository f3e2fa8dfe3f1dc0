#include <catch2/catch.hpp>

#include <mqttgames/tictactoe/Bot.hpp>

using tictactoe::Board;
using tictactoe::Level;
using tictactoe::Mark;

namespace
{

struct Tally
{
    int games = 0;
    int losses = 0;
    std::string firstLoss;
};

// The bot may choose any of its best moves; the opponent tries every legal move. Counts every
// finished line of play and records the bot's losses.
void explore(const Board& board, Mark bot, Tally& tally)
{
    if (board.isOver())
    {
        ++tally.games;
        if (board.winner() == tictactoe::opponent(bot) && tally.losses++ == 0)
            tally.firstLoss = board.moves();
        return;
    }
    const std::vector<int> choices = board.toMove() == bot ? tictactoe::bestMoves(board) : [&]
    {
        std::vector<int> all;
        for (int cell = 0; cell < Board::CellCount; ++cell)
            if (board.canPlay(cell))
                all.push_back(cell);
        return all;
    }();
    for (int cell : choices)
    {
        Board next = board;
        next.play(cell);
        explore(next, bot, tally);
    }
}

} // namespace

TEST_CASE("tictactoe::Bot")
{
    std::mt19937 random(7);

    SECTION("hard never loses, against every line of play, as first and as second player")
    {
        for (Mark bot : {Mark::X, Mark::O})
        {
            Tally tally;
            explore(Board(), bot, tally);
            INFO("bot plays " << tictactoe::toString(bot) << "; first loss: " << tally.firstLoss);
            CHECK(tally.games > 100);
            CHECK(tally.losses == 0);
        }
    }

    SECTION("hard's choice is always one of its best moves")
    {
        for (const char* position : {"", "5", "51", "159", "1235"})
        {
            const Board board(position);
            const auto best = tictactoe::bestMoves(board);
            for (int i = 0; i < 20; ++i)
                CHECK(std::find(best.begin(), best.end(), tictactoe::chooseMove(board, Level::Hard, random)) != best.end());
        }
    }

    SECTION("every level takes a win in one")
    {
        const Board board("1425"); // X has 1,2 and 3 free; O has 4,5
        for (Level level : {Level::Easy, Level::Medium, Level::Hard})
            CHECK(tictactoe::chooseMove(board, level, random) == 2);
    }

    SECTION("medium and hard block the opponent's win")
    {
        const Board board("159"); // X 1,9; O 5; X to move? no: O to move after 3 moves
        REQUIRE(board.toMove() == Mark::O);
        const Board threat("152"); // X 1,2 threatens 3; O to move
        for (Level level : {Level::Medium, Level::Hard})
            CHECK(tictactoe::chooseMove(threat, level, random) == 2);
    }

    SECTION("easy plays only legal moves, and none once the game is over")
    {
        const Board board("5");
        for (int i = 0; i < 50; ++i)
            CHECK(board.canPlay(tictactoe::chooseMove(board, Level::Easy, random)));
        CHECK(tictactoe::chooseMove(Board("14253"), Level::Hard, random) == -1);
    }
}
