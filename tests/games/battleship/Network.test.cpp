#include <catch2/catch.hpp>

#include <mqttgames/battleship/RoundGame.hpp>
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
    const battleship::RoundGame game;
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
            CHECK(ours.protocol().stage() == battleship::Stage::Over);
            CHECK(theirs.protocol().stage() == battleship::Stage::Over);
            REQUIRE(ours.protocol().verdict());
            REQUIRE(theirs.protocol().verdict());
            CHECK(ours.protocol().verdict()->verified());
            CHECK(theirs.protocol().verdict()->verified());
            CHECK_THAT(ours.verificationText(), Catch::StartsWith("Fleet verified"));
            CHECK_THAT(theirs.verificationText(), Catch::StartsWith("Fleet verified"));
            // Each side saw the other's fleet exactly as it was, and the same shots both ways.
            CHECK(ours.protocol().revealedFleet() == theirs.protocol().ownSea()->fleet());
            CHECK(theirs.protocol().revealedFleet() == ours.protocol().ownSea()->fleet());
            CHECK(ours.protocol().partnerCommitment() == theirs.protocol().commitment());
            CHECK(ours.protocol().targetSea().shotsFired() == theirs.protocol().shotsReceived());
            CHECK(ours.protocol().shotsReceived() == theirs.protocol().targetSea().shotsFired());
            CHECK(ours.protocol().localSankAll() == theirs.protocol().partnerSankAll());
            CHECK(ours.protocol().localSankAll() != ours.protocol().partnerSankAll());
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
