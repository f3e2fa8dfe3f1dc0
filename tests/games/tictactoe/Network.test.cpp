#include <catch2/catch.hpp>

#include <chrono>

#include <mqttgames/engine/Match.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/tictactoe/Game.hpp>
#include <mqttgames/tictactoe/Round.hpp>

using namespace std::chrono_literals;

namespace
{

// Drains the shared queue and updates both seats until `done` holds or the deadline passes.
template <typename Predicate>
bool runUntil(const mqtt::EventQueue& queue, engine::Match& a, engine::Match& b, Predicate done, std::chrono::seconds timeout = 30s)
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

const tictactoe::Board& boardOf(const engine::Match& match)
{
    return static_cast<const tictactoe::Round&>(*match.session().round()).board();
}

engine::MatchSettings seat(const mqtt::LoopbackBroker& broker, const std::string& name, const std::string& room, int level)
{
    engine::MatchSettings settings;
    settings.host = broker.host();
    settings.port = broker.port();
    settings.room = room;
    settings.name = name;
    settings.botLevel = level;
    settings.rematch = engine::MatchSettings::Rematch::Always;
    settings.games = 3;
    return settings;
}

} // namespace

TEST_CASE("tictactoe over a broker")
{
    mqtt::LoopbackBroker broker;
    const tictactoe::Game game;
    mqtt::EventQueue queue;

    SECTION("two bots play whole games through the broker and agree on every board and result")
    {
        engine::Match alice(game, queue, seat(broker, "alice", "bots", 0));
        engine::Match bob(game, queue, seat(broker, "bob", "bots", 2));
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
                INFO("round " << a.roundNumber() << "\n" << boardOf(alice) << "vs\n" << boardOf(bob));
                CHECK(boardOf(alice) == boardOf(bob));
                CHECK(boardOf(alice).isOver());
                CHECK(a.round()->resultText() == b.round()->resultText());
                CHECK(a.localStarts() != b.localStarts());
                checkedRounds = a.roundNumber();
            }
            return a.roundsFinished() >= 3 && b.roundsFinished() >= 3 && checkedRounds >= 3;
        }));

        const auto& a = alice.session();
        const auto& b = bob.session();
        CHECK(a.wins() == b.losses());
        CHECK(a.losses() == b.wins());
        CHECK(a.draws() == b.draws());
        CHECK(a.losses() + a.draws() == 3); // easy never beats hard
        CHECK(a.partnerName() == "bob");
        CHECK(b.partnerName() == "alice");
        CHECK(a.notice().empty());
        CHECK(b.notice().empty());
    }

    SECTION("a partner who leaves is seen, and a new one can be awaited")
    {
        engine::Match stays(game, queue, seat(broker, "stays", "leaving", 2));
        auto leaves = std::make_unique<engine::Match>(game, queue, seat(broker, "leaves", "leaving", 2));
        stays.connect();
        leaves->connect();
        REQUIRE(runUntil(queue, stays, *leaves, [&] { return stays.session().phase() == engine::Phase::Playing; }));
        leaves.reset();
        engine::Match idle(game, queue, seat(broker, "idle", "elsewhere", 0));
        REQUIRE(runUntil(queue, stays, idle, [&] { return stays.session().phase() == engine::Phase::PartnerLeft; }));
        REQUIRE(stays.lookForPartner());
        CHECK(stays.session().phase() == engine::Phase::WaitingForPartner);
    }
}
