#include "Connect4Bench.hpp"

#include "Summary.hpp"

#include <mqttgames/connect4/Bot.hpp>

#include <iomanip>
#include <ostream>
#include <random>

namespace bench
{

void runConnect4(const Connect4Options& options, std::ostream& json, std::ostream& table)
{
    std::vector<double> depths;
    std::vector<double> nodesPerSecond;
    std::vector<double> milliseconds;
    double totalNodes = 0;
    double totalSeconds = 0;
    int searched = 0;
    int forced = 0;

    for (int game = 0; game < options.games; ++game)
    {
        std::mt19937_64 random(game);
        connect4::Board board;
        // Random openings so that the games differ; the bots are otherwise alike.
        while (board.moveCount() < options.openingMoves)
            board.play(std::uniform_int_distribution<int>(0, connect4::Columns - 1)(random));

        connect4::Bot first(connect4::Level::Hard, game);
        connect4::Bot second(connect4::Level::Hard, game);
        while (!board.isOver())
        {
            connect4::Bot& bot = board.toMove() == connect4::Disc::First ? first : second;
            const auto result = bot.chooseMove(board, options.budget);
            const double seconds = result.elapsed.count() / 1e6;
            json << R"({"bench":"connect4.hard.move","game":)" << game << R"(,"ply":)" << board.moveCount()
                 << R"(,"column":)" << result.column + 1 << R"(,"depth":)" << result.depth << R"(,"score":)"
                 << result.score << R"(,"nodes":)" << result.nodes << R"(,"ms":)" << seconds * 1e3 << "}\n";
            board.play(result.column);

            // Moves played at once (a win, a forced block) say nothing about search speed.
            if (result.nodes <= 1)
            {
                ++forced;
                continue;
            }
            ++searched;
            depths.push_back(result.depth);
            milliseconds.push_back(seconds * 1e3);
            if (seconds > 0)
                nodesPerSecond.push_back(result.nodes / seconds);
            totalNodes += static_cast<double>(result.nodes);
            totalSeconds += seconds;
        }
        json << R"({"bench":"connect4.hard.game","game":)" << game << R"(,"moves":")" << board.moves()
             << R"(","winner":")" << connect4::toString(board.winner()) << "\"}\n";
    }

    const Summary depth = summarize(depths);
    const Summary speed = summarize(nodesPerSecond);
    const Summary time = summarize(milliseconds);
    const double overallSpeed = totalSeconds > 0 ? totalNodes / totalSeconds : 0;
    json << R"({"bench":"connect4.hard","games":)" << options.games << R"(,"budget_ms":)" << options.budget.count()
         << R"(,"searched_moves":)" << searched << R"(,"forced_moves":)" << forced << R"(,"nodes_per_second":)"
         << overallSpeed << R"(,"depth_mean":)" << depth.mean << R"(,"depth_median":)" << depth.median
         << R"(,"depth_min":)" << depth.min << R"(,"depth_max":)" << depth.max << R"(,"ms_mean":)" << time.mean
         << R"(,"ms_max":)" << time.max << "}\n";

    table << "Connect Four, Hard vs Hard, " << options.games << " games, budget " << options.budget.count()
          << " ms\n"
          << "  moves searched / played at once  " << searched << " / " << forced << '\n'
          << std::fixed << std::setprecision(0) << "  nodes per second (all searches)  " << overallSpeed << '\n'
          << "  nodes per second (median move)   " << speed.median << '\n'
          << std::setprecision(1) << "  depth reached: mean / median     " << depth.mean << " / " << depth.median
          << '\n'
          << std::setprecision(0) << "  depth reached: min .. max        " << depth.min << " .. " << depth.max << '\n'
          << std::setprecision(1) << "  time per move: mean / max (ms)   " << time.mean << " / " << time.max << "\n\n";
    table.unsetf(std::ios::floatfield);
}

} // namespace bench
