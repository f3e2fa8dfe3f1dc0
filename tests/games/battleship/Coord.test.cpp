#include <mqttgames/battleship/Coord.hpp>

#include <catch2/catch.hpp>

using battleship::Coord;
using battleship::parseCoord;

TEST_CASE("battleship::Coord")
{
    SECTION("every cell round-trips through its name")
    {
        for (int index = 0; index < battleship::SeaCells; ++index)
        {
            const Coord cell = battleship::coordAt(index);
            CHECK(battleship::indexOf(cell) == index);
            const std::string name = battleship::toString(cell);
            INFO(name);
            CHECK(parseCoord(name) == cell);
        }
    }

    SECTION("names are column letter then row number")
    {
        CHECK(battleship::toString({0, 0}) == "A1");
        CHECK(battleship::toString({9, 9}) == "J10");
        CHECK(battleship::toString({2, 4}) == "C5");
        CHECK(parseCoord("D4") == Coord{3, 3});
    }

    SECTION("parsing ignores case and surrounding whitespace")
    {
        CHECK(parseCoord("b7") == Coord{1, 6});
        CHECK(parseCoord("  j10\t") == Coord{9, 9});
        CHECK(parseCoord("\nA1 ") == Coord{0, 0});
    }

    SECTION("parsing rejects anything else")
    {
        for (const char* text : {"", "A", "1", "K1", "A0", "A11", "A01", "AA1", "A 1", "A1x", "@1", "-1", "J100"})
        {
            INFO('"' << text << '"');
            CHECK_FALSE(parseCoord(text));
        }
    }

    SECTION("cells outside the sea are not inside and print as numbers")
    {
        CHECK_FALSE(battleship::isInside({-1, 0}));
        CHECK_FALSE(battleship::isInside({0, 10}));
        CHECK(battleship::isInside({9, 0}));
        CHECK_FALSE(parseCoord(battleship::toString({10, 0})));
    }
}
