#include <mqttgames/battleship/TargetSea.hpp>

#include <catch2/catch.hpp>

#include <sstream>

using battleship::CellState;
using battleship::Coord;
using battleship::Orientation;
using battleship::Ship;
using battleship::ShotAnswer;
using battleship::ShotOutcome;
using battleship::TargetSea;

namespace
{

Coord at(const char* name)
{
    return *battleship::parseCoord(name);
}

const ShotAnswer Miss{ShotOutcome::Miss, std::nullopt};
const ShotAnswer Hit{ShotOutcome::Hit, std::nullopt};

ShotAnswer sunk(const char* ship)
{
    return {ShotOutcome::Sunk, battleship::parseShip(ship)};
}

} // namespace

TEST_CASE("battleship::TargetSea")
{
    TargetSea sea;

    SECTION("starts unknown with the whole fleet afloat")
    {
        CHECK(sea.at(at("E5")) == CellState::Unknown);
        CHECK(sea.remainingLengths() == std::vector<int>{5, 4, 3, 3, 2});
        CHECK(sea.shipsSunk() == 0);
        CHECK_FALSE(sea.allSunk());
    }

    SECTION("records misses and hits")
    {
        CHECK(sea.record(at("A1"), Miss));
        CHECK(sea.record(at("B1"), Hit));
        CHECK(sea.at(at("A1")) == CellState::Miss);
        CHECK(sea.at(at("B1")) == CellState::Hit);
        CHECK(sea.isShot(at("A1")));
        CHECK_FALSE(sea.isShot(at("C1")));
        CHECK(sea.shotsFired() == 2);
    }

    SECTION("a sunk ship turns its cells to Sunk and leaves the remaining fleet")
    {
        REQUIRE(sea.record(at("C3"), Hit));
        REQUIRE(sea.record(at("C4"), Hit));
        REQUIRE(sea.record(at("C5"), sunk("C3V3")));
        for (const char* cell : {"C3", "C4", "C5"})
            CHECK(sea.at(at(cell)) == CellState::Sunk);
        CHECK(sea.remainingLengths() == std::vector<int>{5, 4, 3, 2});
        CHECK(sea.shipsSunk() == 1);
        CHECK(sea.sunkShips().front() == Ship{3, {2, 2}, Orientation::Vertical});
    }

    SECTION("the fleet is all sunk after five ships")
    {
        const std::vector<const char*> ships{"A1H5", "A3H4", "A5H3", "A7H3", "A9H2"};
        for (const char* text : ships)
        {
            CHECK_FALSE(sea.allSunk());
            const auto cells = battleship::parseShip(text)->cells();
            for (std::size_t i = 0; i + 1 < cells.size(); ++i)
                REQUIRE(sea.record(cells[i], Hit));
            REQUIRE(sea.record(cells.back(), sunk(text)));
        }
        CHECK(sea.allSunk());
        CHECK(sea.remainingLengths().empty());
    }

    SECTION("answers that cannot be right are refused and change nothing")
    {
        REQUIRE(sea.record(at("A1"), Hit));
        CHECK_FALSE(sea.record(at("A1"), Miss));
        CHECK_FALSE(sea.record({10, 0}, Miss));
        CHECK_FALSE(sea.record(at("B1"), {ShotOutcome::Sunk, std::nullopt}));
        CHECK_FALSE(sea.record(at("B1"), sunk("C1H2")));
        CHECK_FALSE(sea.record(at("B1"), sunk("A1H3")));
        CHECK_FALSE(sea.record(at("B1"), sunk("A1H6")));
        CHECK(sea.at(at("B1")) == CellState::Unknown);
        CHECK(sea.shotsFired() == 1);
        CHECK(sea.remainingLengths().size() == 5);

        CHECK(sea.record(at("B1"), sunk("A1H2")));
        REQUIRE(sea.record(at("A3"), Hit));
        CHECK_FALSE(sea.record(at("B3"), sunk("A3H2")));
    }

    SECTION("prints the sea")
    {
        REQUIRE(sea.record(at("A1"), Miss));
        REQUIRE(sea.record(at("B1"), Hit));
        std::ostringstream out;
        out << sea;
        INFO(out.str());
        CHECK_THAT(out.str(), Catch::Contains(" 1 o x . . . . . . . ."));
        CHECK_THAT(out.str(), Catch::Contains("10 . . . . . . . . . ."));
    }
}
