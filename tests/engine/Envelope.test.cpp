#include <catch2/catch.hpp>

#include <mqttgames/engine/Envelope.hpp>

TEST_CASE("engine::Envelope")
{
    std::string error;

    SECTION("what is encoded decodes to the same fields")
    {
        const engine::Envelope sent{"tictactoe", 1, "move", 3, {{"cell", 5}}};
        const std::string text = engine::encode(sent);
        const auto received = engine::decode(text, error);
        REQUIRE(received);
        CHECK(received->game == "tictactoe");
        CHECK(received->version == 1);
        CHECK(received->type == "move");
        CHECK(received->round == 3);
        CHECK(received->body == nlohmann::json{{"cell", 5}});
    }

    SECTION("bad input is refused with a reason, never thrown")
    {
        const char* bad[] = {
            "",
            "not json",
            "{\"game\":",
            "[1,2,3]",
            "42",
            "null",
            "{}",
            "{\"game\":\"tictactoe\"}",
            "{\"game\":5,\"v\":1,\"type\":\"move\"}",
            "{\"game\":\"\",\"v\":1,\"type\":\"move\"}",
            "{\"game\":\"tictactoe\",\"v\":\"1\",\"type\":\"move\"}",
            "{\"game\":\"tictactoe\",\"v\":1.5,\"type\":\"move\"}",
            "{\"game\":\"tictactoe\",\"v\":1,\"type\":[]}",
            "{\"game\":\"tictactoe\",\"v\":1,\"type\":\"move\",\"round\":-1}",
            "{\"game\":\"tictactoe\",\"v\":1,\"type\":\"move\",\"round\":\"x\"}",
            "\xff\xfe\x00garbage",
        };
        for (const char* text : bad)
        {
            INFO(text);
            error.clear();
            std::optional<engine::Envelope> decoded;
            REQUIRE_NOTHROW(decoded = engine::decode(text, error));
            CHECK_FALSE(decoded);
            CHECK_FALSE(error.empty());
        }
    }

    SECTION("another game or protocol version is named, not taken for ours")
    {
        const auto connect4 = engine::decode(R"({"game":"connect4","v":1,"type":"move","column":4})", error);
        REQUIRE(connect4);
        CHECK(engine::mismatch(*connect4, "tictactoe", 1) == "partner plays connect4 v1");
        const auto newer = engine::decode(R"({"game":"tictactoe","v":2,"type":"move"})", error);
        REQUIRE(newer);
        CHECK_THAT(engine::mismatch(*newer, "tictactoe", 1), Catch::StartsWith("partner uses protocol v2"));
        const auto ours = engine::decode(R"({"game":"tictactoe","v":1,"type":"move"})", error);
        REQUIRE(ours);
        CHECK(engine::mismatch(*ours, "tictactoe", 1).empty());
    }
}
