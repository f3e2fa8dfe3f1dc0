#include <mqttgames/battleship/Fleet.hpp>

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

using battleship::Coord;
using battleship::Fleet;
using battleship::Orientation;
using battleship::Ship;

namespace
{

std::string whyNot(const std::string& text)
{
    std::string reason;
    CHECK_FALSE(Fleet::parse(text, &reason));
    return reason;
}

bool isValid(const Fleet& fleet)
{
    std::vector<int> lengths;
    std::set<Coord> cells;
    std::size_t cellCount = 0;
    for (const Ship& ship : fleet.ships())
    {
        lengths.push_back(ship.length);
        for (const Coord cell : ship.cells())
        {
            if (!battleship::isInside(cell))
                return false;
            cells.insert(cell);
            ++cellCount;
        }
    }
    std::ranges::sort(lengths, std::greater<>{});
    return std::ranges::equal(lengths, battleship::FleetLengths) && cells.size() == cellCount;
}

} // namespace

TEST_CASE("battleship::Fleet")
{
    SECTION("ships know their cells")
    {
        const Ship ship{4, {2, 2}, Orientation::Vertical};
        CHECK(ship.cells() == std::vector<Coord>{{2, 2}, {2, 3}, {2, 4}, {2, 5}});
        CHECK(ship.covers({2, 5}));
        CHECK_FALSE(ship.covers({2, 6}));
        CHECK_FALSE(ship.covers({3, 2}));
        CHECK(battleship::toString(ship) == "C3V4");
        CHECK(battleship::parseShip(" c3v4 ") == ship);
        CHECK_FALSE(battleship::parseShip("C3X4"));
        CHECK_FALSE(battleship::parseShip("C3V"));
        CHECK_FALSE(battleship::parseShip("C3V0"));
        CHECK_FALSE((Ship{3, {8, 0}, Orientation::Horizontal}.isInside()));
    }

    SECTION("a valid layout is accepted, touching ships included")
    {
        const auto fleet = Fleet::parse("A1H5,A2H4,A3H3,A4H3,A5H2");
        REQUIRE(fleet);
        CHECK(isValid(*fleet));
        CHECK(fleet->shipAt({4, 0}) == std::size_t{0});
        CHECK_FALSE(fleet->shipAt({5, 0}));
    }

    SECTION("overlapping ships are refused, naming the cell")
    {
        CHECK(whyNot("A1H5,D1V4,A3H3,A5H3,A7H2") == "ships overlap at D1");
        std::string reason;
        CHECK_FALSE(Fleet::fromShips({{5, {0, 0}, Orientation::Horizontal},
                                      {4, {0, 5}, Orientation::Horizontal},
                                      {3, {3, 4}, Orientation::Vertical},
                                      {3, {9, 0}, Orientation::Vertical},
                                      {2, {5, 8}, Orientation::Vertical}},
                                     &reason));
        CHECK(reason == "ships overlap at D6");
    }

    SECTION("ships outside the sea are refused")
    {
        CHECK(whyNot("A1H5,J8V4,A3H3,A5H3,A7H2") == "ship J8V4 goes outside the sea");
        CHECK(whyNot("G1H5,A2H4,A3H3,A5H3,A7H2") == "ship G1H5 goes outside the sea");
        CHECK(whyNot("A1H5,A2H4,A3H3,A5H3,A10V2") == "ship A10V2 goes outside the sea");
    }

    SECTION("a fleet of other lengths is refused")
    {
        CHECK_THAT(whyNot("A1H5,A2H4,A3H3,A5H2"), Catch::Contains("got 5, 4, 3, 2"));
        CHECK_THAT(whyNot("A1H5,A2H4,A3H3,A5H3,A7H3"), Catch::Contains("got 5, 4, 3, 3, 3"));
        CHECK_THAT(whyNot("A1H5,A2H4,A3H3,A5H3,A7H2,A9H2"), Catch::Contains("expected ships of lengths 5, 4, 3, 3, 2"));
    }

    SECTION("unreadable text is refused, naming the part")
    {
        CHECK(whyNot("A1H5,A2H4,bogus,A5H3,A7H2") == "cannot read ship 'bogus'");
        CHECK(whyNot("") == "cannot read ship ''");
    }

    SECTION("the text form is canonical and round-trips")
    {
        std::mt19937_64 random(3);
        for (int i = 0; i < 50; ++i)
        {
            const Fleet fleet = Fleet::random(random);
            INFO(fleet);
            const auto copy = Fleet::parse(fleet.toText());
            REQUIRE(copy);
            CHECK(*copy == fleet);
            CHECK(copy->toText() == fleet.toText());

            std::vector<Ship> reversed(fleet.ships().rbegin(), fleet.ships().rend());
            const auto shuffled = Fleet::fromShips(reversed);
            REQUIRE(shuffled);
            CHECK(shuffled->toText() == fleet.toText());
        }
        CHECK(Fleet::parse(" A5H2 , A1H5,A2H4,A3H3,A4H3")->toText() == "A1H5,A2H4,A3H3,A4H3,A5H2");
    }

    SECTION("random fleets are always valid and vary")
    {
        std::set<std::string> layouts;
        for (std::uint64_t seed = 0; seed < 500; ++seed)
        {
            std::mt19937_64 random(seed);
            const Fleet fleet = Fleet::random(random);
            INFO("seed " << seed << "\n" << fleet);
            CHECK(isValid(fleet));
            CHECK(Fleet::fromShips(fleet.ships()));
            layouts.insert(fleet.toText());
        }
        CHECK(layouts.size() > 490);
    }

    SECTION("editing keeps the fleet valid")
    {
        Fleet fleet = *Fleet::parse("A1H5,A3H4,A5H3,A7H3,A9H2");
        CHECK(fleet.moveShip(0, {5, 9}));
        CHECK(fleet.ships()[0].origin == Coord{5, 9});
        CHECK_FALSE(fleet.moveShip(0, {6, 9}));
        CHECK_FALSE(fleet.moveShip(1, {0, 4}));
        CHECK(fleet.ships()[1].origin == Coord{0, 2});
        CHECK_FALSE(fleet.moveShip(7, {0, 0}));

        CHECK(fleet.rotateShip(4));
        CHECK(fleet.ships()[4].orientation == Orientation::Vertical);
        CHECK_FALSE(fleet.rotateShip(2));
        CHECK(fleet.ships()[2].orientation == Orientation::Horizontal);
        CHECK_FALSE(fleet.moveShip(4, {0, 9}));

        CHECK(fleet.canPlace(3, {3, {9, 0}, Orientation::Vertical}));
        CHECK_FALSE(fleet.canPlace(3, {2, {9, 0}, Orientation::Vertical}));
        CHECK_FALSE(fleet.canPlace(3, {3, {0, 2}, Orientation::Vertical}));
        INFO(fleet);
        CHECK(isValid(fleet));
    }

    SECTION("the default fleet is valid")
    {
        CHECK(isValid(Fleet()));
        CHECK(Fleet::parse(Fleet().toText()) == Fleet());
    }
}
