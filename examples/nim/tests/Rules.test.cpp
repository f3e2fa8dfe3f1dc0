#include <catch2/catch.hpp>

#include <random>
#include <stdexcept>

#include "Bot.hpp"
#include "Codec.hpp"
#include "Round.hpp"

namespace
{
int nimSum(const nim::Heaps& heaps)
{
    return heaps.size(0) ^ heaps.size(1) ^ heaps.size(2);
}
} // namespace

TEST_CASE("Heaps")
{
    SECTION("a move takes from one heap and passes the turn")
    {
        nim::Heaps heaps;
        REQUIRE(heaps.take({1, 3}));
        CHECK(heaps.size(1) == 1);
        CHECK(heaps.toMove() == 1);
        CHECK(heaps.moves() == "b3");
        CHECK(heaps == nim::Heaps("b3"));
    }
    SECTION("taking nothing, too many, or from no heap is refused")
    {
        nim::Heaps heaps("a2");
        CHECK_FALSE(heaps.take({0, 2}));
        CHECK_FALSE(heaps.take({1, 0}));
        CHECK_FALSE(heaps.take({3, 1}));
        CHECK(heaps == nim::Heaps("a2"));
        CHECK_THROWS_AS(nim::Heaps("c6"), std::invalid_argument);
    }
    SECTION("whoever takes the last object wins")
    {
        const nim::Heaps first("a3b4c1c4");
        CHECK(first.isOver());
        CHECK(first.winner() == 1);
        const nim::Heaps second("a3b4c5");
        CHECK(second.winner() == 0);
        CHECK_FALSE(nim::Heaps("a3b4").winner());
    }
    SECTION("the notation reads and writes a heap letter and a count")
    {
        CHECK(nim::parseMove(" c5\n") == nim::Move{2, 5});
        CHECK_FALSE(nim::parseMove("d1"));
        CHECK_FALSE(nim::parseMove("a0"));
        CHECK(nim::moveName({0, 3}) == "a3");
    }
}

TEST_CASE("Bot")
{
    std::mt19937 random(7);

    SECTION("a perfect move leaves heaps whose sizes xor to zero")
    {
        for (const char* moves : {"", "a1", "b2c1", "c5"})
        {
            nim::Heaps heaps(moves);
            INFO(heaps);
            REQUIRE(heaps.take(nim::chooseMove(heaps, engine::BotLevel::Hard, random)));
            CHECK(nimSum(heaps) == 0);
        }
    }
    SECTION("hard moving first beats an easy opponent every time")
    {
        for (int game = 0; game < 200; ++game)
        {
            nim::Heaps heaps;
            while (!heaps.isOver())
            {
                const auto level = heaps.toMove() == 0 ? engine::BotLevel::Hard : engine::BotLevel::Easy;
                REQUIRE(heaps.take(nim::chooseMove(heaps, level, random)));
            }
            INFO(heaps.moves());
            CHECK(heaps.winner() == 0);
        }
    }
}

TEST_CASE("Round")
{
    std::vector<nlohmann::json> sent;
    nim::Round round(true, [&](const std::string& type, nlohmann::json body)
    {
        CHECK(type == "move");
        sent.push_back(std::move(body));
    });
    std::string error;

    SECTION("a local move is applied and sent as JSON")
    {
        REQUIRE(round.act("b2", error));
        REQUIRE(sent.size() == 1);
        CHECK(sent[0] == nlohmann::json{{"heap", 2}, {"take", 2}});
        CHECK(round.turn() == engine::Turn::Remote);
        CHECK(round.lastEventText() == "First takes 2 from heap b");
    }
    SECTION("a local move the heaps do not allow is refused and sends nothing")
    {
        REQUIRE(round.load("a3b1", error));
        CHECK_FALSE(round.act("a1", error));
        CHECK(error == "heap a is empty");
        CHECK_FALSE(round.act("c6", error));
        CHECK(error == "heap c has only 5");
        CHECK(sent.empty());
    }
    SECTION("the partner's move is decoded and applied")
    {
        REQUIRE(round.act("c5", error));
        REQUIRE(round.receive("move", {{"heap", 2}, {"take", 4}}, error));
        CHECK(round.heaps() == nim::Heaps("c5b4"));
    }
    SECTION("a bad or untimely message is refused and changes nothing")
    {
        CHECK_FALSE(round.receive("move", {{"heap", 1}, {"take", 1}}, error)); // our turn
        REQUIRE(round.act("a1", error));
        CHECK_FALSE(round.receive("move", {{"heap", 1}, {"take", 3}}, error));
        CHECK(error == "take 3 is outside 1..2");
        CHECK_FALSE(round.receive("move", {{"heap", 4}, {"take", 1}}, error));
        CHECK_FALSE(round.receive("move", {{"heap", "b"}, {"take", 1}}, error));
        CHECK_FALSE(round.receive("move", nlohmann::json::array(), error));
        CHECK_FALSE(round.receive("shot", {{"heap", 2}, {"take", 1}}, error));
        CHECK(round.heaps() == nim::Heaps("a1"));
    }
    SECTION("the round ends with the last object")
    {
        REQUIRE(round.load("a3b4", error));
        REQUIRE(round.act("c5", error));
        CHECK(round.outcome() == engine::Outcome::Won);
        CHECK(round.resultText() == "First wins");
        CHECK_FALSE(round.load("a4", error));
    }
}
