#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>

#include <mqttgames/engine/TurnGame.hpp>
#include <mqttgames/testing/WiredRound.hpp>

#include "Heaps.hpp"

namespace
{

nim::Heaps after(std::string_view moves)
{
    nim::Heaps heaps;
    for (std::size_t i = 0; i < moves.size(); i += 3) // "a1 b2"
    {
        const auto move = nim::Heaps::parse(moves.substr(i, 2));
        REQUIRE(move);
        REQUIRE(heaps.legal(*move));
        heaps.apply(*move);
    }
    return heaps;
}

int nimSum(const nim::Heaps& heaps)
{
    return heaps.sizes[0] ^ heaps.sizes[1] ^ heaps.sizes[2];
}

engine::BotControl unhurried()
{
    static const std::atomic<bool> never{false};
    return {std::chrono::steady_clock::now() + std::chrono::seconds(10), &never};
}

const engine::TurnGameText Text{.id = "nim", .title = "Nim", .notationHelp = "heap a-c and how many to take: b2"};

} // namespace

TEST_CASE("Heaps")
{
    SECTION("a move takes from one heap and passes the turn")
    {
        const nim::Heaps heaps = after("b3");
        CHECK(heaps.sizes == std::array<int, 3>{3, 1, 5});
        CHECK(heaps.toMove() == 1);
        CHECK(heaps.moves().size() == 3 + 1 + 5);
    }
    SECTION("taking nothing, too many, or from no heap is illegal")
    {
        const nim::Heaps heaps = after("a2");
        CHECK_FALSE(heaps.legal({0, 2}));
        CHECK_FALSE(heaps.legal({1, 0}));
        CHECK_FALSE(heaps.legal({3, 1}));
        CHECK_FALSE(heaps.legal({-1, 1}));
    }
    SECTION("whoever takes the last object wins")
    {
        CHECK(after("a3 b4 c1 c4").end()->winner == 1);
        CHECK(after("a3 b4 c5").end()->winner == 0);
        CHECK_FALSE(after("a3 b4").end());
        CHECK(after("a3 b4 c5").moves().empty());
    }
    SECTION("the notation reads and writes a heap letter and a count")
    {
        const auto move = nim::Heaps::parse("c5");
        REQUIRE(move);
        CHECK((move->heap == 2 && move->count == 5));
        CHECK_FALSE(nim::Heaps::parse("d1"));
        CHECK_FALSE(nim::Heaps::parse("a0"));
        CHECK(nim::Heaps::notation({0, 3}) == "a3");
    }
}

TEST_CASE("the engine's computer plays Nim")
{
    const auto control = unhurried();

    SECTION("hard always leaves heaps whose sizes xor to zero when it can")
    {
        for (const char* moves : {"", "a1", "b2 c1", "c5"})
        {
            nim::Heaps heaps = after(moves);
            INFO(heaps);
            const auto move = engine::searchMove(heaps, engine::BotLevel::Hard, control);
            REQUIRE(move);
            heaps.apply(*move);
            CHECK(nimSum(heaps) == 0);
        }
    }
    SECTION("hard moving first beats an easy opponent every time")
    {
        for (int game = 0; game < 50; ++game)
        {
            nim::Heaps heaps;
            while (!heaps.end())
            {
                const auto level = heaps.toMove() == 0 ? engine::BotLevel::Hard : engine::BotLevel::Easy;
                const auto move = engine::searchMove(heaps, level, control);
                REQUIRE(move);
                REQUIRE(heaps.legal(*move));
                heaps.apply(*move);
            }
            CHECK(heaps.end()->winner == 0);
        }
    }
}

TEST_CASE("a round of Nim, as the engine derives it")
{
    std::vector<nlohmann::json> sent;
    // The round as the engine derives it; what it sends is kept in `sent`.
    testing::WiredRound<engine::TurnRound<nim::Heaps>> round([&](const std::string& type, nlohmann::json body)
    {
        CHECK(type == "move");
        sent.push_back(std::move(body));
    }, Text, engine::searchMove<nim::Heaps>, true);
    std::string error;

    SECTION("a local move is applied and sent as JSON")
    {
        REQUIRE(round.act("b2", error));
        REQUIRE(sent.size() == 1);
        CHECK(sent[0] == nlohmann::json{{"heap", 2}, {"take", 2}});
        CHECK(round.turn() == engine::Turn::Remote);
        CHECK(round.lastEventText() == "First plays b2");
    }
    SECTION("a local move the heaps do not allow is refused and sends nothing")
    {
        REQUIRE(round.load("a3 b1", error));
        CHECK_FALSE(round.act("a1", error));
        CHECK(error == "a1 is not allowed now");
        CHECK_FALSE(round.act("x", error));
        CHECK(error == "\"x\" is not a move (heap a-c and how many to take: b2)");
        CHECK(sent.empty());
    }
    SECTION("the partner's move is decoded and applied")
    {
        REQUIRE(round.act("c5", error));
        REQUIRE(round.receive("move", {{"heap", 2}, {"take", 4}}, error));
        CHECK(round.state().sizes == after("c5 b4").sizes);
    }
    SECTION("a bad or untimely message is refused and changes nothing")
    {
        CHECK_FALSE(round.receive("move", {{"heap", 1}, {"take", 1}}, error)); // our turn
        REQUIRE(round.act("a1", error));
        CHECK_FALSE(round.receive("move", {{"heap", 1}, {"take", 3}}, error));
        CHECK(error == "the move {\"heap\":1,\"take\":3} is not allowed now");
        CHECK_FALSE(round.receive("move", {{"heap", 4}, {"take", 1}}, error));
        CHECK_FALSE(round.receive("move", {{"heap", "b"}, {"take", 1}}, error));
        CHECK_THAT(error, Catch::StartsWith("malformed move"));
        CHECK_FALSE(round.receive("move", {{"heap", 1.5}, {"take", 1}}, error));
        CHECK_FALSE(round.receive("move", {{"heap", 1e30}, {"take", 1}}, error));
        CHECK_FALSE(round.receive("move", nlohmann::json::array(), error));
        CHECK_FALSE(round.receive("shot", {{"heap", 2}, {"take", 1}}, error));
        CHECK(round.state().sizes == after("a1").sizes);
        CHECK(round.history().size() == 1);
    }
    SECTION("the round ends with the last object")
    {
        REQUIRE(round.load("a3 b4", error));
        REQUIRE(round.act("c5", error));
        CHECK(round.outcome() == engine::Outcome::Won);
        CHECK(round.resultText() == "First wins");
        CHECK_FALSE(round.load("a4", error));
        CHECK(round.boardText() == "a: -\nb: -\nc: -\n");
    }
}
