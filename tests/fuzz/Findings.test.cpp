// What the fuzzers in this folder found wrong, kept as unit tests that every build runs.
#include <catch2/catch.hpp>

#include <mqttgames/engine/Envelope.hpp>

TEST_CASE("Fuzzer findings")
{
    SECTION("envelope: a body's own \"round\" does not become the round of an unnumbered message")
    {
        engine::Envelope hello;
        hello.game = "tictactoe";
        hello.version = 1;
        hello.type = "hello";
        hello.body = {{"cell", 3}, {"round", 4}, {"seq", 1}};
        std::string error;
        const auto decoded = engine::decode(engine::encode(hello), error);
        REQUIRE(decoded);
        CHECK(decoded->round == 0);
        CHECK(decoded->seq == 0);
        CHECK(decoded->body == nlohmann::json{{"cell", 3}});
    }
}
