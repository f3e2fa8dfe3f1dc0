#include <catch2/catch.hpp>

#include <mqttgames/battleship/Game.hpp>
#include <mqttgames/battleship/Round.hpp>
#include <mqttgames/engine/Match.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>

#include "support/NetworkMatch.hpp"

using namespace std::chrono_literals;
using testsupport::botSeat;

namespace
{

const battleship::Round& roundOf(const engine::Match& match)
{
    return static_cast<const battleship::Round&>(*match.session().round());
}

} // namespace

TEST_CASE("battleship over a broker")
{
    mqtt::LoopbackBroker broker;
    const battleship::Game game;
    mqtt::EventQueue queue;

    SECTION("two bots place, shoot, reveal and verify through the broker, and agree on every game")
    {
        engine::Match alice(game, queue, botSeat(broker, "alice", "fleet", 1, 2, 500ms));
        engine::Match bob(game, queue, botSeat(broker, "bob", "fleet", 2, 2, 500ms));
        alice.connect();
        bob.connect();

        const auto& a = alice.session();
        const auto& b = bob.session();
        REQUIRE(testsupport::playRounds(queue, alice, bob, 2, [&]
        {
            const battleship::Round& ours = roundOf(alice);
            const battleship::Round& theirs = roundOf(bob);
            INFO("round " << a.roundNumber() << "\n" << ours.boardText() << "vs\n" << theirs.boardText());
            CHECK(ours.stage() == battleship::Stage::Over);
            CHECK(theirs.stage() == battleship::Stage::Over);
            REQUIRE(ours.verdict());
            REQUIRE(theirs.verdict());
            CHECK(ours.verdict()->verified());
            CHECK(theirs.verdict()->verified());
            CHECK_THAT(ours.verificationText(), Catch::StartsWith("Fleet verified"));
            CHECK_THAT(theirs.verificationText(), Catch::StartsWith("Fleet verified"));
            // Each side saw the other's fleet exactly as it was, and the same shots both ways.
            CHECK(ours.revealedFleet() == theirs.ownSea()->fleet());
            CHECK(theirs.revealedFleet() == ours.ownSea()->fleet());
            CHECK(ours.partnerCommitment() == theirs.commitment());
            CHECK(ours.targetSea().shotsFired() == theirs.shotsReceived());
            CHECK(ours.shotsReceived() == theirs.targetSea().shotsFired());
            CHECK(ours.localSankAll() == theirs.partnerSankAll());
            CHECK(ours.localSankAll() != ours.partnerSankAll());
            CHECK(ours.outcome() != theirs.outcome());
            CHECK(ours.outcome() != engine::Outcome::Draw);
            CHECK_THAT(ours.resultText(), Catch::Contains("verified"));
            CHECK(a.localStarts() != b.localStarts());
        }, 120s));

        testsupport::checkAgreed(a, b);
        CHECK(a.draws() == 0);
        CHECK(a.partnerName() == "bob");
    }
}
