#include <catch2/catch.hpp>

#include <chrono>

#include <mqttgames/battleship/Game.hpp>
#include <mqttgames/battleship/Round.hpp>
#include <mqttgames/engine/Match.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>

using namespace std::chrono_literals;

namespace
{

// Drains the shared queue and updates both seats until `done` holds or the deadline passes.
template <typename Predicate>
bool runUntil(const mqtt::EventQueue& queue, engine::Match& a, engine::Match& b, Predicate done, std::chrono::seconds timeout = 60s)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done())
    {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        mqtt::EventQueue::Call call;
        if (queue.waitPop(call, 20ms))
            call();
        queue.drain();
        a.update();
        b.update();
    }
    return true;
}

const battleship::Round& roundOf(const engine::Match& match)
{
    return static_cast<const battleship::Round&>(*match.session().round());
}

engine::MatchSettings seat(const mqtt::LoopbackBroker& broker, const std::string& name, int level)
{
    engine::MatchSettings settings;
    settings.host = broker.host();
    settings.port = broker.port();
    settings.room = "fleet";
    settings.name = name;
    settings.botLevel = level;
    settings.botBudget = 500ms;
    settings.rematch = engine::MatchSettings::Rematch::Always;
    settings.games = 2;
    return settings;
}

} // namespace

TEST_CASE("battleship over a broker")
{
    mqtt::LoopbackBroker broker;
    const battleship::Game game;
    mqtt::EventQueue queue;

    SECTION("two bots place, shoot, reveal and verify through the broker, and agree on every game")
    {
        engine::Match alice(game, queue, seat(broker, "alice", 1));
        engine::Match bob(game, queue, seat(broker, "bob", 2));
        alice.connect();
        bob.connect();

        int checkedRounds = 0;
        REQUIRE(runUntil(queue, alice, bob, [&]
        {
            // Compare every finished round while both still show it.
            const auto& a = alice.session();
            const auto& b = bob.session();
            if (a.phase() == engine::Phase::RoundOver && b.phase() == engine::Phase::RoundOver &&
                a.roundNumber() == b.roundNumber() && a.roundNumber() > checkedRounds)
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
                checkedRounds = a.roundNumber();
            }
            return a.roundsFinished() >= 2 && b.roundsFinished() >= 2 && checkedRounds >= 2;
        }, 120s));

        const auto& a = alice.session();
        const auto& b = bob.session();
        CHECK(a.wins() == b.losses());
        CHECK(a.losses() == b.wins());
        CHECK(a.draws() == 0);
        CHECK(a.partnerName() == "bob");
        CHECK(b.partnerName() == "alice");
        CHECK(a.notice().empty());
        CHECK(b.notice().empty());
    }
}
