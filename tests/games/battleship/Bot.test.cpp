#include <mqttgames/battleship/Bot.hpp>

#include <mqttgames/battleship/OwnSea.hpp>

#include <catch2/catch.hpp>

#include <chrono>
#include <numeric>

using battleship::CellState;
using battleship::Coord;
using battleship::Fleet;
using battleship::Level;
using battleship::TargetSea;

namespace
{

// Plays one bot against one fleet to the end; checks every shot on the way. Returns the shots taken.
int playGame(Level level, const Fleet& fleet, std::mt19937_64& random)
{
    battleship::OwnSea enemy(fleet);
    TargetSea sea;
    while (!sea.allSunk() && sea.shotsFired() < battleship::SeaCells)
    {
        const auto shot = battleship::chooseShot(level, sea, random);
        // Described only on failure: printing two seas per shot would dominate the run time.
        const bool fresh = shot && battleship::isInside(*shot) && !sea.isShot(*shot);
        if (!fresh || !sea.record(*shot, enemy.receive(*shot)))
            FAIL(toString(level) << " chose " << (shot ? battleship::toString(*shot) : "nothing") << " after "
                                 << sea.shotsFired() << " shots\n" << fleet << sea);
    }
    CHECK(enemy.allSunk());
    return sea.shotsFired();
}

double meanShots(Level level, int games)
{
    std::mt19937_64 fleets(2024);
    std::mt19937_64 random(99);
    double total = 0;
    for (int game = 0; game < games; ++game)
        total += playGame(level, Fleet::random(fleets), random);
    return total / games;
}

} // namespace

TEST_CASE("battleship::Bot")
{
    const std::array<Level, 3> levels{Level::Easy, Level::Medium, Level::Hard};

    SECTION("every level finishes every game without repeating a shot")
    {
        std::mt19937_64 fleets(5);
        std::mt19937_64 random(6);
        for (int game = 0; game < 20; ++game)
        {
            const Fleet fleet = Fleet::random(fleets);
            for (const Level level : levels)
                CHECK(playGame(level, fleet, random) >= 17);
        }
    }

    SECTION("the same seed gives the same shots")
    {
        std::mt19937_64 fleets(8);
        const Fleet fleet = Fleet::random(fleets);
        for (const Level level : levels)
        {
            std::mt19937_64 first(1);
            std::mt19937_64 second(1);
            battleship::OwnSea enemy(fleet);
            TargetSea sea;
            for (int shot = 0; shot < 30 && !sea.allSunk(); ++shot)
            {
                const auto a = battleship::chooseShot(level, sea, first);
                const auto b = battleship::chooseShot(level, sea, second);
                REQUIRE(a == b);
                REQUIRE(sea.record(*a, enemy.receive(*a)));
            }
        }
    }

    SECTION("no shot is left once every cell has been shot")
    {
        TargetSea sea;
        for (int index = 0; index < battleship::SeaCells; ++index)
            REQUIRE(sea.record(battleship::coordAt(index), {}));
        std::mt19937_64 random(1);
        for (const Level level : levels)
            CHECK_FALSE(battleship::chooseShot(level, sea, random));
    }

    SECTION("Medium and Hard shoot next to a lone hit")
    {
        TargetSea sea;
        const Coord hit{4, 4};
        REQUIRE(sea.record(hit, {battleship::ShotOutcome::Hit, std::nullopt}));
        for (std::uint64_t seed = 0; seed < 10; ++seed)
            for (const Level level : {Level::Medium, Level::Hard})
            {
                std::mt19937_64 random(seed);
                const Coord shot = *battleship::chooseShot(level, sea, random);
                INFO(toString(level) << " shot " << shot);
                CHECK(std::abs(shot.column - hit.column) + std::abs(shot.row - hit.row) == 1);
            }
    }

    SECTION("the density is zero on shot cells and where no ship fits")
    {
        TargetSea sea;
        // Misses around A1 leave no room for any ship through it.
        for (const char* cell : {"B1", "A2", "E5"})
            REQUIRE(sea.record(*battleship::parseCoord(cell), {}));
        const auto density = battleship::shotDensity(sea);
        CHECK(density[battleship::indexOf({0, 0})] == 0.0);
        CHECK(density[battleship::indexOf({1, 0})] == 0.0);
        CHECK(density[battleship::indexOf({4, 4})] == 0.0);
        CHECK(density[battleship::indexOf({4, 5})] > 0.0);
        CHECK(density[battleship::indexOf({5, 5})] > density[battleship::indexOf({9, 9})]);
    }

    SECTION("Hard needs clearly fewer shots than Easy, and answers fast")
    {
        constexpr int Games = 200;
        const auto start = std::chrono::steady_clock::now();
        const double hard = meanShots(Level::Hard, Games);
        const auto hardTime = std::chrono::steady_clock::now() - start;
        const double medium = meanShots(Level::Medium, Games);
        const double easy = meanShots(Level::Easy, Games);
        INFO("mean shots: easy " << easy << ", medium " << medium << ", hard " << hard);
        CHECK(hard < 60);
        CHECK(easy > 85);
        CHECK(medium < easy);
        CHECK(hard < medium);
        const auto perShot = std::chrono::duration_cast<std::chrono::microseconds>(hardTime) / (hard * Games);
        INFO("hard: " << perShot.count() << " us per shot");
        CHECK(perShot < std::chrono::milliseconds(10));
    }
}
