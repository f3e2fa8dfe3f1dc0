#include <mqttgames/battleship/Level.hpp>

#include <catch2/catch.hpp>

using battleship::Level;

TEST_CASE("battleship::Level")
{
    SECTION("names and numbers parse, in any case")
    {
        CHECK(battleship::parseLevel("easy") == Level::Easy);
        CHECK(battleship::parseLevel("Medium") == Level::Medium);
        CHECK(battleship::parseLevel("HARD") == Level::Hard);
        CHECK(battleship::parseLevel("1") == Level::Easy);
        CHECK(battleship::parseLevel("2") == Level::Medium);
        CHECK(battleship::parseLevel("3") == Level::Hard);
    }

    SECTION("anything else does not")
    {
        for (const char* text : {"", "0", "4", "12", "hardest", "eas", " easy"})
            CHECK_FALSE(battleship::parseLevel(text));
    }

    SECTION("toString round-trips")
    {
        for (const Level level : {Level::Easy, Level::Medium, Level::Hard})
            CHECK(battleship::parseLevel(battleship::toString(level)) == level);
    }
}
