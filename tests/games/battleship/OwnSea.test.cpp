#include <mqttgames/battleship/OwnSea.hpp>

#include <catch2/catch.hpp>

using battleship::Coord;
using battleship::Fleet;
using battleship::OwnSea;
using battleship::ShotOutcome;

namespace
{

const Fleet Layout = *Fleet::parse("A1H5,C3V4,E5H3,G7V3,J1V2");

Coord at(const char* name)
{
    return *battleship::parseCoord(name);
}

} // namespace

TEST_CASE("battleship::OwnSea")
{
    OwnSea sea(Layout);

    SECTION("water answers Miss and ships answer Hit")
    {
        CHECK(sea.receive(at("B2")).outcome == ShotOutcome::Miss);
        CHECK(sea.receive(at("C4")).outcome == ShotOutcome::Hit);
        CHECK(sea.isShot(at("B2")));
        CHECK_FALSE(sea.isShot(at("B3")));
        CHECK(sea.answerAt(at("C4"))->outcome == ShotOutcome::Hit);
        CHECK(sea.shipsSunk() == 0);
    }

    SECTION("the last cell of a ship answers Sunk, naming the ship")
    {
        CHECK(sea.receive(at("J1")).outcome == ShotOutcome::Hit);
        const auto answer = sea.receive(at("J2"));
        CHECK(answer.outcome == ShotOutcome::Sunk);
        REQUIRE(answer.sunkShip);
        CHECK(battleship::toString(*answer.sunkShip) == "J1V2");
        CHECK(sea.shipsSunk() == 1);
        CHECK(sea.isSunk(4));
        CHECK_FALSE(sea.isSunk(0));
    }

    SECTION("a repeated shot answers as before and counts once")
    {
        CHECK(sea.receive(at("J1")).outcome == ShotOutcome::Hit);
        CHECK(sea.receive(at("J1")).outcome == ShotOutcome::Hit);
        CHECK(sea.receive(at("J1")).outcome == ShotOutcome::Hit);
        CHECK_FALSE(sea.isSunk(4));
        CHECK(sea.receive(at("J2")).outcome == ShotOutcome::Sunk);
        CHECK(sea.receive(at("J2")).outcome == ShotOutcome::Sunk);
        CHECK(sea.receive(at("A10")).outcome == ShotOutcome::Miss);
        CHECK(sea.receive(at("A10")).outcome == ShotOutcome::Miss);
        CHECK(sea.shipsSunk() == 1);
    }

    SECTION("a shot outside the sea is a Miss that is not recorded")
    {
        CHECK(sea.receive({10, 0}).outcome == ShotOutcome::Miss);
        CHECK(sea.receive({-1, 3}).outcome == ShotOutcome::Miss);
        CHECK_FALSE(sea.isShot({10, 0}));
    }

    SECTION("the fleet is all sunk once every ship cell is hit, and not before")
    {
        std::vector<Coord> cells;
        for (const auto& ship : Layout.ships())
            for (const Coord cell : ship.cells())
                cells.push_back(cell);
        for (std::size_t i = 0; i < cells.size(); ++i)
        {
            CHECK_FALSE(sea.allSunk());
            CHECK(sea.receive(cells[i]).outcome != ShotOutcome::Miss);
        }
        CHECK(sea.allSunk());
        CHECK(sea.shipsSunk() == 5);
    }
}
