#include <catch2/catch.hpp>

#include <vector>

#include <mqttgames/engine/Match.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/engine/TurnGame.hpp>
#include <mqttgames/tictactoe/Board.hpp>

#include "support/NetworkMatch.hpp"

using namespace std::chrono_literals;
using testsupport::botSeat;
using testsupport::runUntil;

namespace
{

const tictactoe::Board& boardOf(const engine::Match& match)
{
    return static_cast<const engine::TurnRound<tictactoe::Board>&>(*match.session().round()).state();
}

} // namespace

TEST_CASE("tictactoe over a broker")
{
    mqtt::LoopbackBroker broker;
    const engine::TurnGame<tictactoe::Board> game(tictactoe::text());
    mqtt::EventQueue queue;

    SECTION("two bots play whole games through the broker and agree on every board and result")
    {
        engine::Match alice(game, queue, botSeat(broker, "alice", "bots", 0, 3));
        engine::Match bob(game, queue, botSeat(broker, "bob", "bots", 2, 3));
        alice.connect();
        bob.connect();

        const auto& a = alice.session();
        const auto& b = bob.session();
        std::vector<int> checked; // the rounds compared, each once
        REQUIRE(testsupport::playRounds(queue, alice, bob, 3, [&]
        {
            checked.push_back(a.roundNumber());
            INFO("round " << a.roundNumber() << "\n" << boardOf(alice) << "vs\n" << boardOf(bob));
            CHECK(boardOf(alice) == boardOf(bob));
            CHECK(boardOf(alice).end());
            CHECK(a.round()->resultText() == b.round()->resultText());
            CHECK(a.localStarts() != b.localStarts());
        }, 30s));

        CHECK(checked == std::vector<int>{1, 2, 3}); // every round, not only those both seats showed over at one frame
        testsupport::checkAgreed(a, b);
        CHECK(a.losses() + a.draws() == 3); // easy never beats hard
        CHECK(a.partnerName() == "bob");
    }

    SECTION("a partner who leaves is seen, and a new one can be awaited")
    {
        engine::Match stays(game, queue, botSeat(broker, "stays", "leaving", 2, 3));
        auto leaves = std::make_unique<engine::Match>(game, queue, botSeat(broker, "leaves", "leaving", 2, 3));
        stays.connect();
        leaves->connect();
        REQUIRE(runUntil(queue, stays, *leaves, [&] { return stays.session().phase() == engine::Phase::Playing; }, 30s));
        leaves.reset();
        engine::Match idle(game, queue, botSeat(broker, "idle", "elsewhere", 0, 3));
        REQUIRE(runUntil(queue, stays, idle, [&] { return stays.session().phase() == engine::Phase::PartnerLeft; }, 30s));
        REQUIRE(stays.lookForPartner());
        CHECK(stays.session().phase() == engine::Phase::WaitingForPartner);
    }
}
