// Measures the computer opponents: Connect Four search speed and depth, Battleship shots per fleet.
// Usage: bots_bench [--games N] [--quick]
//   --games N  Battleship fleets per level (default 1000)
//   --quick    a tiny run for CI: 1 Connect Four game at 50 ms, 50 fleets

#include "BattleshipBench.hpp"
#include "Connect4Bench.hpp"

#include <charconv>
#include <iostream>
#include <sstream>
#include <string_view>

int main(int argc, char** argv)
{
    int games = 1000;
    bench::Connect4Options connect4;
    for (int i = 1; i < argc; ++i)
    {
        const std::string_view arg = argv[i];
        if (arg == "--quick")
        {
            games = 50;
            connect4.games = 1;
            connect4.budget = std::chrono::milliseconds(50);
        }
        else if (arg == "--games" && i + 1 < argc)
        {
            const std::string_view value = argv[++i];
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), games);
            if (error != std::errc{} || end != value.data() + value.size() || games <= 0)
            {
                std::cerr << "bots_bench: --games needs a positive number, got '" << value << "'\n";
                return 2;
            }
        }
        else
        {
            std::cerr << "usage: bots_bench [--games N] [--quick]\n";
            return 2;
        }
    }

    // JSON lines first, for scripts; the table after them, for people.
    std::ostringstream table;
    bench::runConnect4(connect4, std::cout, table);
    bench::runBattleship(games, std::cout, table);
    std::cout << '\n' << table.str();
    return 0;
}
