// The exact solver against published values.
#include <catch2/catch.hpp>

#include <algorithm>
#include <utility>

#include <mqttgames/connect4/Solver.hpp>

namespace
{

// Positions with their scores (Pons' convention, for the side to move) from the first lines of the
// test set "Test_L3_R1" (end of game, easy) that Pascal Pons published with "Solving Connect 4: how
// to build a perfect AI", part 2 "Test protocol" (blog.gamesolver.org/solving-connect-four/02-test-protocol/).
const std::pair<const char*, int> EndGames[] = {
    {"2252576253462244111563365343671351441", -1},
    {"7422341735647741166133573473242566", 1},
    {"23163416124767223154467471272416755633", 0},
    {"71255763773133525731261364622167124446454", 0},
    {"65214673556155731566316327373221417", -1},
    {"52677675164321472411331752454", 0},
    {"3135151421347443544172316522225776773566", 0},
    {"562154564361751726662253737734213275114", 0},
    {"233377345754465174223731671122611552", 1},
    {"6763525635134453444361412671365712", -1},
    {"211376455663355325112113664364524722", 0},
    {"3146762114467714356347741621375222", -1},
    {"67152117737262713366376314254", 6},
    {"2762751722231276466633475674533", 5},
    {"3642756176227637211322113551637574556", 2},
    {"22647455554314246733661634615122372377511", 0},
    {"427566236745127177115664464254", 2},
    {"7172212567451542223676134464437761515", 0},
    {"641154574541323641152467137655232232366", 0},
    {"5775265212657176476365522624313714333", 2},
    {"3575316255751336464276636772271112", -3},
};

} // namespace

TEST_CASE("The solver agrees with published end-game scores")
{
    connect4::Solver solver(20);
    for (const auto& [moves, score] : EndGames)
    {
        INFO(moves);
        CHECK(solver.solve(connect4::Board(moves)) == score);
    }
}

TEST_CASE("The best move's score is the position's score")
{
    connect4::Solver solver(20);
    for (const auto& [moves, score] : EndGames)
    {
        INFO(moves);
        const auto scores = solver.analyze(connect4::Board(moves));
        int best = connect4::Solver::MinScore - 1;
        for (const auto& column : scores)
            if (column)
                best = std::max(best, *column);
        CHECK(best == score);
    }
}

TEST_CASE("Quick wins score the most, a stopped search says nothing")
{
    connect4::Solver solver(16);
    // Red has three in column 1 and moves: winning with its fourth disc scores 22 - 4.
    CHECK(solver.solve(connect4::Board("121212")) == 18);
    const std::atomic<bool> cancelled{true};
    CHECK_FALSE(solver.solve(connect4::Board("4453"), connect4::Solver::Clock::time_point::max(), &cancelled));
    // An open three on the bottom row: red wins with its fourth disc, whatever teal does.
    CHECK(solver.solve(connect4::Board("4455")) == 18);
}
