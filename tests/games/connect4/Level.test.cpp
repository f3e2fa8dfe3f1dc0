#include <mqttgames/connect4/Level.hpp>

#include <catch2/catch.hpp>

using connect4::Level;

TEST_CASE("connect4::Level")
{
    SECTION("names and numbers parse, in any case")
    {
        CHECK(connect4::parseLevel("easy") == Level::Easy);
        CHECK(connect4::parseLevel("Medium") == Level::Medium);
        CHECK(connect4::parseLevel("HARD") == Level::Hard);
        CHECK(connect4::parseLevel("1") == Level::Easy);
        CHECK(connect4::parseLevel("2") == Level::Medium);
        CHECK(connect4::parseLevel("3") == Level::Hard);
    }

    SECTION("anything else does not")
    {
        for (const char* text : {"", "0", "4", "12", "hardest", "eas", " easy"})
            CHECK_FALSE(connect4::parseLevel(text));
    }

    SECTION("toString round-trips")
    {
        for (const Level level : {Level::Easy, Level::Medium, Level::Hard})
            CHECK(connect4::parseLevel(connect4::toString(level)) == level);
    }
}
