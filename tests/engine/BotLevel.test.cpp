#include <catch2/catch.hpp>

#include <mqttgames/engine/BotLevel.hpp>
#include <mqttgames/engine/Game.hpp>

using engine::BotLevel;

TEST_CASE("engine::BotLevel")
{
    SECTION("names in any case and 1-based numbers are read; anything else is not")
    {
        CHECK(engine::parseBotLevel("easy") == BotLevel::Easy);
        CHECK(engine::parseBotLevel("Medium") == BotLevel::Medium);
        CHECK(engine::parseBotLevel("HARD") == BotLevel::Hard);
        CHECK(engine::parseBotLevel("1") == BotLevel::Easy);
        CHECK(engine::parseBotLevel("3") == BotLevel::Hard);
        for (const char* text : {"", "0", "4", "expert", "easy ", "01"})
        {
            INFO(text);
            CHECK_FALSE(engine::parseBotLevel(text));
        }
    }

    SECTION("the names a game lists are the levels' own, easiest first, and indexes map back to them")
    {
        const std::vector<std::string> names = engine::botLevelNames();
        REQUIRE(names == std::vector<std::string>{"easy", "medium", "hard"});
        for (int index = 0; index < 3; ++index)
        {
            CHECK(engine::toString(engine::botLevelAt(index)) == names[static_cast<std::size_t>(index)]);
            CHECK(engine::parseBotLevel(names[static_cast<std::size_t>(index)]) == engine::botLevelAt(index));
        }
        CHECK(engine::botLevelAt(-1) == BotLevel::Easy);
        CHECK(engine::botLevelAt(7) == BotLevel::Hard);
    }

    SECTION("findBotLevel reads a game's own list by the same rule")
    {
        engine::GameInfo info;
        info.botLevels = {"novice", "master"};
        CHECK(engine::findBotLevel(info, "MASTER") == 1);
        CHECK(engine::findBotLevel(info, "1") == 0);
        CHECK_FALSE(engine::findBotLevel(info, "3"));
        CHECK_FALSE(engine::findBotLevel(info, "hard"));
    }
}
