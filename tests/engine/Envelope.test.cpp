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
            "{\"game\":\"tictactoe\",\"v\":1,\"type\":\"move\",\"seq\":0}",
            "{\"game\":\"tictactoe\",\"v\":1,\"type\":\"move\",\"seq\":-3}",
            "{\"game\":\"tictactoe\",\"v\":1,\"type\":\"move\",\"seq\":2.5}",
            "{\"game\":\"tictactoe\",\"v\":1,\"type\":\"move\",\"seq\":\"4\"}",
            "{\"game\":\"tictactoe\",\"v\":1,\"type\":\"move\",\"seq\":18446744073709551615}",
            "{\"game\":\"tictactoe\",\"v\":1,\"type\":\"ack\",\"ack\":null}",
            "{\"game\":\"tictactoe\",\"v\":1,\"type\":\"ack\",\"ack\":[1]}",
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

    SECTION("sequence and ack numbers travel outside the body; without them a message is unnumbered")
    {
        engine::Envelope sent{"tictactoe", 1, "move", 2, {{"cell", 5}}};
        sent.seq = 7;
        const auto received = engine::decode(engine::encode(sent), error);
        REQUIRE(received);
        CHECK(received->seq == 7);
        CHECK(received->ack == 0);
        CHECK(received->body == nlohmann::json{{"cell", 5}});

        engine::Envelope ack{"tictactoe", 1, "ack", 0, {}};
        ack.ack = 12;
        const auto acked = engine::decode(engine::encode(ack), error);
        REQUIRE(acked);
        CHECK(acked->ack == 12);
        CHECK(acked->seq == 0);

        const auto older = engine::decode(R"({"game":"tictactoe","v":1,"type":"move","round":1,"cell":3})", error);
        REQUIRE(older);
        CHECK(older->seq == 0);
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
