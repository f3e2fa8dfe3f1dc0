#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <memory>
#include <set>

#include <mqttgames/engine/Connection.hpp>
#include <mqttgames/engine/Loop.hpp>
#include <mqttgames/engine/Match.hpp>
#include <mqttgames/testing/FaultProxy.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/engine/TurnGame.hpp>
#include <mqttgames/tictactoe/Board.hpp>
#include <mqttgames/engine/Envelope.hpp>
#include <mqttgames/mqtt/GameWire.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include "support/Waiting.hpp"

using namespace std::chrono_literals;
using engine::Phase;

namespace
{

// Drains the shared queue and updates both seats until `done` holds or the deadline passes;
// `watch` runs on every pass (to record what was seen on the way).
template <typename Predicate>
bool runUntil(const mqtt::EventQueue& queue, engine::Match& a, engine::Match& b, Predicate done,
              std::chrono::seconds timeout = 15s, const std::function<void()>& watch = {})
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    engine::Loop loop(queue);
    loop.add(a);
    loop.add(b);
    for (;;)
    {
        if (watch)
            watch();
        if (done())
            return true;
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        loop.step(10ms, deadline);
    }
}

const engine::TurnRound<tictactoe::Board>& roundOf(const engine::Match& match)
{
    return static_cast<const engine::TurnRound<tictactoe::Board>&>(*match.session().round());
}

const tictactoe::Board& boardOf(const engine::Match& match)
{
    return roundOf(match).state();
}

// Moves on the board, 0 before the first round.
int moveCount(const engine::Match& match)
{
    return match.session().round() ? static_cast<int>(roundOf(match).history().size()) : 0;
}

int countLog(const engine::Match& match, engine::LogEntry::Kind kind)
{
    const auto& log = match.session().log();
    return static_cast<int>(std::count_if(log.begin(), log.end(), [kind](const engine::LogEntry& e) { return e.kind == kind; }));
}

bool logged(const engine::Match& match, const std::string& start)
{
    const auto& log = match.session().log();
    return std::any_of(log.begin(), log.end(), [&](const engine::LogEntry& e) { return e.text.rfind(start, 0) == 0; });
}

bool inFault(const engine::Match& match)
{
    const Phase phase = match.session().phase();
    return phase == Phase::Reconnecting || phase == Phase::PartnerAway;
}

bool roundOver(const engine::Match& match)
{
    return match.session().phase() == Phase::RoundOver && match.session().roundsFinished() == 1;
}

// Bots paced so that a game lasts long enough to break it in the middle; one round only.
engine::MatchSettings seat(const std::string& host, int port, const std::string& name, int level)
{
    engine::MatchSettings settings;
    settings.host = host;
    settings.port = port;
    settings.room = "faults";
    settings.name = name;
    settings.botLevel = level;
    settings.botPace = 250ms;
    settings.verbose = std::getenv("VERBOSE") != nullptr;
    return settings;
}

// Both sides ended the same round the same way, each move applied exactly once on each side.
void checkSameGame(const engine::Match& a, const engine::Match& b)
{
    INFO(boardOf(a) << "vs\n" << boardOf(b));
    CHECK(boardOf(a) == boardOf(b));
    CHECK(boardOf(a).key() == boardOf(b).key());
    CHECK(boardOf(a).end());
    CHECK(a.session().round()->resultText() == b.session().round()->resultText());
    CHECK(a.session().wins() == b.session().losses());
    CHECK(a.session().draws() == b.session().draws());
    CHECK(a.session().roundNumber() == 1);
    CHECK(b.session().roundNumber() == 1);
    // A move applied twice would be refused (the cell is taken) and leave a notice.
    CHECK(countLog(a, engine::LogEntry::Kind::Notice) == 0);
    CHECK(countLog(b, engine::LogEntry::Kind::Notice) == 0);
    CHECK(countLog(a, engine::LogEntry::Kind::Move) == moveCount(a));
    CHECK(countLog(b, engine::LogEntry::Kind::Move) == moveCount(b));
}

} // namespace

TEST_CASE("tictactoe survives network faults")
{
    mqtt::LoopbackBroker broker;
    const engine::TurnGame<tictactoe::Board> game(tictactoe::text());
    mqtt::EventQueue queue;

    SECTION("a cut connection mid-game: the other side moves meanwhile, the game resumes and ends the same on both")
    {
        mqtt::FaultProxy proxy(broker.host(), broker.port());
        engine::Match alice(game, queue, seat(proxy.host(), proxy.port(), "alice", 2));
        engine::Match bob(game, queue, seat(broker.host(), broker.port(), "bob", 2));
        alice.connect();
        bob.connect();
        // Cut when it is bob's turn, a few moves in: bob's answer is then made while alice is gone.
        REQUIRE(runUntil(queue, alice, bob, [&]
        {
            return bob.session().isLocalTurn() && moveCount(bob) >= 1;
        }));
        proxy.setRefusing(true); // alice stays away until bob has moved
        proxy.cut();
        const int bobMovesBefore = countLog(bob, engine::LogEntry::Kind::Move);
        bool bobMovedWhileAliceAway = false;
        REQUIRE(runUntil(queue, alice, bob, [&] { return bobMovedWhileAliceAway; }, 15s, [&]
        {
            if (alice.session().phase() == Phase::Reconnecting && countLog(bob, engine::LogEntry::Kind::Move) > bobMovesBefore)
                bobMovedWhileAliceAway = true;
        }));
        CHECK(bob.session().phase() == Phase::PartnerAway);
        CHECK(logged(bob, "alice lost the connection"));
        CHECK(logged(alice, "connection lost"));
        CHECK(moveCount(alice) < moveCount(bob));

        proxy.setRefusing(false);
        REQUIRE(runUntil(queue, alice, bob, [&] { return roundOver(alice) && roundOver(bob); }, 20s));
        CHECK(logged(alice, "connected again"));
        CHECK(logged(bob, "alice is back"));
        CHECK(proxy.connectionCount() >= 2);
        checkSameGame(alice, bob);
    }

    SECTION("the broker restarts mid-game: both reconnect and finish the same game")
    {
        engine::Match alice(game, queue, seat(broker.host(), broker.port(), "alice", 2));
        engine::Match bob(game, queue, seat(broker.host(), broker.port(), "bob", 2));
        alice.connect();
        bob.connect();
        REQUIRE(runUntil(queue, alice, bob, [&] { return moveCount(alice) >= 2 && moveCount(bob) >= 2; }));
        const int movesBefore = moveCount(alice);
        REQUIRE(movesBefore < 9);
        broker.stop();
        REQUIRE(runUntil(queue, alice, bob, [&] { return inFault(alice) && inFault(bob); }));
        broker.start();
        REQUIRE(runUntil(queue, alice, bob, [&] { return roundOver(alice) && roundOver(bob); }, 20s));
        CHECK(moveCount(alice) > movesBefore);
        checkSameGame(alice, bob);
    }

    SECTION("a partner that quits is shown as left at once; one whose connection is cut, as away and then back")
    {
        mqtt::FaultProxy proxy(broker.host(), broker.port());
        auto settings = [&](const std::string& host, int port, const std::string& name)
        {
            engine::MatchSettings s = seat(host, port, name, 0);
            s.botLevel.reset(); // people: the round waits for moves made here
            return s;
        };
        engine::Match bob(game, queue, settings(broker.host(), broker.port(), "bob"));
        auto alice = std::make_unique<engine::Match>(game, queue, settings(proxy.host(), proxy.port(), "alice"));
        bob.connect();
        alice->connect();
        REQUIRE(runUntil(queue, *alice, bob, [&]
        {
            return alice->session().phase() == Phase::Playing && bob.session().phase() == Phase::Playing &&
                   alice->session().partnerName() == "bob" && bob.session().partnerName() == "alice";
        }));
        engine::Match& first = alice->session().isLocalTurn() ? *alice : bob;
        REQUIRE(first.session().act("5"));
        REQUIRE(runUntil(queue, *alice, bob, [&] { return moveCount(*alice) == 1 && moveCount(bob) == 1; }));

        // Cut: away, then back to the same round, and the game goes on.
        std::set<Phase> bobSaw;
        proxy.cut();
        REQUIRE(runUntil(queue, *alice, bob, [&] { return bob.session().phase() == Phase::PartnerAway; }, 10s));
        CHECK(logged(bob, "alice lost the connection \xE2\x80\x94 waiting up to 60 s"));
        CHECK(bob.session().graceLeft() > 50s);
        REQUIRE(runUntil(queue, *alice, bob, [&]
        {
            return alice->session().phase() == Phase::Playing && bob.session().phase() == Phase::Playing;
        }, 15s, [&] { bobSaw.insert(bob.session().phase()); }));
        CHECK_FALSE(bobSaw.count(Phase::PartnerLeft));
        CHECK(bob.session().roundNumber() == 1);
        CHECK(moveCount(bob) == 1);
        engine::Match& second = alice->session().isLocalTurn() ? *alice : bob;
        REQUIRE(second.session().act(boardOf(second).legal({0}) ? "1" : "2"));
        REQUIRE(runUntil(queue, *alice, bob, [&] { return moveCount(*alice) == 2 && moveCount(bob) == 2; }));
        CHECK(boardOf(*alice) == boardOf(bob));

        // Quit: a bye first, so bob shows at once that alice left, without waiting for her.
        bobSaw.clear();
        const auto quitAt = std::chrono::steady_clock::now();
        alice.reset();
        // Leaving waits for bob to confirm the bye, which he does at once from his network thread.
        CHECK(std::chrono::steady_clock::now() - quitAt < engine::Connection::ByeTimeout);
        engine::Match idle(game, queue, settings(broker.host(), broker.port(), "idle"));
        REQUIRE(runUntil(queue, bob, idle, [&] { return bob.session().phase() == Phase::PartnerLeft; }, 10s,
                         [&] { bobSaw.insert(bob.session().phase()); }));
        CHECK(std::chrono::steady_clock::now() - quitAt < 3s);
        CHECK_FALSE(bobSaw.count(Phase::PartnerAway));
        CHECK_FALSE(bob.session().gaveUpWaiting());
        CHECK(logged(bob, "alice left"));
    }

    SECTION("a partner that does not come back within the grace period is given up")
    {
        mqtt::FaultProxy proxy(broker.host(), broker.port());
        engine::MatchSettings bobSettings = seat(broker.host(), broker.port(), "bob", 0);
        bobSettings.botLevel.reset();
        bobSettings.gracePeriod = 1500ms;
        engine::MatchSettings aliceSettings = bobSettings;
        aliceSettings.host = proxy.host();
        aliceSettings.port = proxy.port();
        aliceSettings.name = "alice";
        engine::Match bob(game, queue, bobSettings);
        engine::Match alice(game, queue, aliceSettings);
        bob.connect();
        alice.connect();
        // Each has heard the other's hello: a partner never heard from would count as left at once.
        REQUIRE(runUntil(queue, alice, bob, [&]
        {
            return alice.session().phase() == Phase::Playing && bob.session().phase() == Phase::Playing &&
                   alice.session().link().delivered() >= 1 && bob.session().link().delivered() >= 1;
        }));
        proxy.setRefusing(true);
        proxy.cut();
        REQUIRE(runUntil(queue, alice, bob, [&] { return bob.session().phase() == Phase::PartnerAway; }, 10s));
        const auto awayAt = std::chrono::steady_clock::now();
        REQUIRE(runUntil(queue, alice, bob, [&] { return bob.session().phase() == Phase::PartnerLeft; }, 10s));
        CHECK(std::chrono::steady_clock::now() - awayAt >= 1400ms);
        CHECK(bob.session().gaveUpWaiting());
        CHECK(logged(bob, "gave up waiting for alice"));
        CHECK(alice.session().phase() == Phase::Reconnecting);
    }
}

TEST_CASE("tictactoe: a stranger on the topic cannot move, acknowledge or leave in a player's name")
{
    mqtt::LoopbackBroker broker;
    const engine::TurnGame<tictactoe::Board> game(tictactoe::text());
    mqtt::EventQueue queue;
    auto person = [&](const std::string& name)
    {
        engine::MatchSettings s = seat(broker.host(), broker.port(), name, 0);
        s.botLevel.reset();
        return s;
    };
    engine::Match alice(game, queue, person("alice")), bob(game, queue, person("bob"));
    alice.connect();
    bob.connect();
    REQUIRE(runUntil(queue, alice, bob, [&]
                     { return alice.session().phase() == Phase::Playing && bob.session().phase() == Phase::Playing; }));
    // The stranger hears everything on the room's topic, its own forgeries included.
    testsupport::Inbox<std::string> heard;
    mqtt::MQTTClient stranger([&](const std::string&, const std::string& payload) { heard.push(payload); });
    REQUIRE(stranger.connect(broker.host(), broker.port()));
    REQUIRE(stranger.subscribe(alice.topic()));
    engine::Match& first = alice.session().isLocalTurn() ? alice : bob;
    engine::Match& victim = &first == &alice ? bob : alice;
    REQUIRE(first.session().act("5"));
    REQUIRE(runUntil(queue, alice, bob, [&] { return moveCount(alice) == 1 && moveCount(bob) == 1; }));

    // The first player's move as it went over the wire: signed JSON.
    std::optional<mqtt::wire::Envelope> heardMove;
    REQUIRE(testsupport::eventually(
        [&]
        {
            for (const auto& payload : heard.items())
                if (auto envelope = mqtt::wire::parse(payload); envelope && mqtt::wire::parseSigned(envelope->text) &&
                                                                envelope->text.find("\"cell\":5") != std::string::npos)
                    heardMove = envelope;
            return heardMove.has_value();
        }));
    const std::string firstId = heardMove->sender;
    auto forged = nlohmann::json::parse(mqtt::wire::parseSigned(heardMove->text)->text);
    forged["cell"] = 1;
    forged["seq"] = forged["seq"].get<int>() + 1;
    const engine::GameInfo& info = game.info();
    const std::vector<std::string> forgeries = {
        mqtt::wire::format(forged.dump(), firstId),                                                     // a move
        mqtt::wire::format(mqtt::wire::makeSigned({99, std::string(32, 'a'), forged.dump()}), firstId), // a move, a made-up tag
        mqtt::wire::format(heardMove->text, firstId),                                                   // a replay
        mqtt::wire::format(engine::encode({info.id, info.protocolVersion, "ack", 0, nlohmann::json::object(), 0, 99}), firstId), // an ack
        mqtt::wire::format(engine::encode({info.id, info.protocolVersion, "bye", 0, nlohmann::json::object()}), firstId),
        mqtt::wire::format(engine::encode({info.id, info.protocolVersion, "ack", 0, {{"bye", true}}}), firstId),
        mqtt::wire::format("DISCONNECT", firstId),
    };
    for (const auto& payload : forgeries)
        REQUIRE(stranger.publish(alice.topic(), payload, 1));
    // Once the stranger heard its last forgery, the broker has passed it on to the victim too, ahead
    // of anything published after: the victim's move, the answer to it.
    REQUIRE(heard.waitFor(forgeries.back()));
    REQUIRE(victim.session().act("2"));
    REQUIRE(runUntil(queue, alice, bob, [&] { return moveCount(first) == 2; }));
    REQUIRE(first.session().act("3"));
    REQUIRE(runUntil(queue, alice, bob, [&] { return moveCount(victim) == 3; }));

    CHECK(boardOf(victim) == boardOf(first));
    CHECK(victim.session().phase() == Phase::Playing);
    CHECK(first.session().phase() == Phase::Playing);
    CHECK(victim.session().partnerName() == first.session().localName());
    // One notice (since cleared by the moves), however many forgeries came.
    CHECK(logged(victim, "Someone on the topic sent messages in " + first.session().localName() + "'s name: ignored"));
    CHECK(countLog(victim, engine::LogEntry::Kind::Notice) == 1);
    CHECK(countLog(victim, engine::LogEntry::Kind::Move) == 3);
    CHECK(first.session().notice().empty());
}

TEST_CASE("tictactoe says when the partner's messages are not signed")
{
    mqtt::LoopbackBroker broker;
    const engine::TurnGame<tictactoe::Board> game(tictactoe::text());
    mqtt::EventQueue queue;
    engine::MatchSettings settings = seat(broker.host(), broker.port(), "alice", 0);
    settings.botLevel.reset();
    engine::Match alice(game, queue, settings);
    alice.connect();
    engine::Loop loop(queue);
    loop.add(alice);
    const auto until = [&](auto done)
    {
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (!done() && std::chrono::steady_clock::now() < deadline)
            loop.step(10ms, deadline);
        return done();
    };
    REQUIRE(until([&] { return alice.session().phase() == Phase::WaitingForPartner; }));
    // A client of the seed's protocol: its hello has no key.
    mqtt::MQTTClient seed;
    REQUIRE(seed.connect(broker.host(), broker.port()));
    REQUIRE(seed.publish(alice.topic(), mqtt::wire::format("_ENTERED,Python,10.0.0.2", mqtt::wire::randomId()), 1));
    REQUIRE(until([&] { return alice.session().phase() == Phase::Playing; }));
    CHECK(alice.session().notice() == "Python's messages are not signed: anyone on the topic could speak in its name");
}
