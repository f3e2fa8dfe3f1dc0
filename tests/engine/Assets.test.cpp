#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <mqttgames/engine/Assets.hpp>

TEST_CASE("engine::Assets")
{
    const auto folder = std::filesystem::temp_directory_path() / ("mqttgames-assets-test-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder / "fonts");

    SECTION("a missing asset throws, naming the file and the folders searched")
    {
        try
        {
            engine::findAsset("fonts/Nowhere.ttf", {folder});
            FAIL("no exception");
        }
        catch (const std::runtime_error& error)
        {
            CHECK_THAT(error.what(), Catch::Contains("fonts/Nowhere.ttf"));
            CHECK_THAT(error.what(), Catch::Contains(folder.string()));
        }
    }

    SECTION("the first folder that has the file wins")
    {
        std::ofstream(folder / "fonts" / "Here.ttf") << "x";
        CHECK(engine::findAsset("fonts/Here.ttf", {"/nonexistent", folder}) == folder / "fonts" / "Here.ttf");
    }

    SECTION("MQTTGAMES_ASSETS is searched first")
    {
        ::setenv("MQTTGAMES_ASSETS", folder.c_str(), 1);
        const auto folders = engine::assetDirectories();
        ::unsetenv("MQTTGAMES_ASSETS");
        REQUIRE_FALSE(folders.empty());
        CHECK(folders.front() == folder);
    }

    SECTION("the shipped fonts are found and load")
    {
        engine::FontHolder fonts;
        REQUIRE_NOTHROW(engine::loadFonts(fonts));
        CHECK(fonts.get(engine::FontId::Bold).getInfo().family == "DejaVu Sans");
    }

    SECTION("a file that is not a font throws naming it")
    {
        std::ofstream(folder / "fonts" / "Broken.ttf") << "not a font";
        engine::FontHolder fonts;
        CHECK_THROWS_WITH(fonts.load(engine::FontId::Regular, folder / "fonts" / "Broken.ttf"), Catch::Contains("Broken.ttf"));
        CHECK_THROWS_WITH(fonts.get(engine::FontId::Regular), Catch::Contains("never loaded"));
    }

    std::filesystem::remove_all(folder);
}
