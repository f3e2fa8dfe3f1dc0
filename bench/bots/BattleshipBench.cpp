#include "BattleshipBench.hpp"

#include "Summary.hpp"

#include <mqttgames/battleship/Bot.hpp>
#include <mqttgames/battleship/OwnSea.hpp>

#include <chrono>
#include <iomanip>
#include <ostream>

namespace bench
{

namespace
{

struct LevelResult
{
    Summary shots;
    double microsecondsPerShot = 0;
};

LevelResult measure(battleship::Level level, int games)
{
    // The same fleets for every level, so that levels differ only by their play.
    std::mt19937_64 fleets(1);
    std::mt19937_64 random(2);
    std::vector<double> shots;
    double totalShots = 0;
    const auto start = std::chrono::steady_clock::now();
    for (int game = 0; game < games; ++game)
    {
        battleship::OwnSea enemy(battleship::Fleet::random(fleets));
        battleship::TargetSea sea;
        while (!sea.allSunk())
        {
            const auto shot = battleship::chooseShot(level, sea, random);
            if (!shot || !sea.record(*shot, enemy.receive(*shot)))
                break;
        }
        shots.push_back(sea.shotsFired());
        totalShots += sea.shotsFired();
    }
    const std::chrono::duration<double, std::micro> elapsed = std::chrono::steady_clock::now() - start;
    return {summarize(shots), totalShots > 0 ? elapsed.count() / totalShots : 0};
}

} // namespace

void runBattleship(int games, std::ostream& json, std::ostream& table)
{
    table << "Battleship, shots to sink a random fleet, " << games << " fleets\n"
          << "  level     mean  median   p90   min   max   us/shot\n";
    for (const auto level : {battleship::Level::Easy, battleship::Level::Medium, battleship::Level::Hard})
    {
        const LevelResult result = measure(level, games);
        const Summary& s = result.shots;
        json << R"({"bench":"battleship.shots","level":")" << engine::toString(level) << R"(","games":)" << games
             << R"(,"mean":)" << s.mean << R"(,"median":)" << s.median << R"(,"p90":)" << s.p90 << R"(,"min":)"
             << s.min << R"(,"max":)" << s.max << R"(,"us_per_shot":)" << result.microsecondsPerShot << "}\n";
        table << "  " << std::left << std::setw(7) << engine::toString(level) << std::right << std::fixed
              << std::setprecision(1) << std::setw(7) << s.mean << std::setw(8) << s.median << std::setw(6)
              << s.p90 << std::setprecision(0) << std::setw(6) << s.min << std::setw(6) << s.max
              << std::setprecision(1) << std::setw(10) << result.microsecondsPerShot << '\n';
        table.unsetf(std::ios::floatfield);
    }
    table << '\n';
}

} // namespace bench
