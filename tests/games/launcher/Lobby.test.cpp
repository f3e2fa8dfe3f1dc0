// The lobby through a real broker: who waits is listed, who pairs or vanishes is not, and what a
// stranger publishes there is checked and capped.
#include <catch2/catch.hpp>

#include <csignal>
#include <string>

#include <mqttgames/engine/LobbyBoard.hpp>
#include <mqttgames/engine/Loop.hpp>
#include <mqttgames/engine/Match.hpp>
#include <mqttgames/engine/TurnGame.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>
#include <mqttgames/testing/TwoSeats.hpp>
#include <mqttgames/tictactoe/Board.hpp>

#include "support/LauncherProcess.hpp"
#include "support/Waiting.hpp"

using namespace std::chrono_literals;

namespace
{

engine::ConnectionSettings at(const mqtt::LoopbackBroker& broker)
{
    engine::ConnectionSettings settings;
    settings.host = broker.host();
    settings.port = broker.port();
    return settings;
}

// Steps `loop` until `done()` holds; false at the deadline.
template <typename Predicate>
bool stepUntil(engine::Loop& loop, Predicate done, std::chrono::milliseconds timeout = 10s)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done())
    {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        loop.step(20ms, deadline);
    }
    return true;
}

bool lists(const engine::LobbyBoard& board, const std::string& room, const std::string& name)
{
    for (const auto& entry : board.rooms())
        if (entry.room == room && entry.name == name)
            return true;
    return false;
}

long long secondsNow()
{
    return std::chrono::duration_cast<std::chrono::seconds>(engine::LobbyEntry::Clock::now().time_since_epoch()).count();
}

} // namespace

TEST_CASE("The lobby lists who waits in a public room until it pairs, a private room never")
{
    const engine::TurnGame<tictactoe::Board> game(tictactoe::text());
    mqtt::LoopbackBroker broker;
    mqtt::EventQueue queue;
    engine::LobbyBoard board("tictactoe", queue, at(broker));
    board.start();
    engine::Loop loop(queue);
    REQUIRE(stepUntil(loop, [&] { return board.caughtUp(); }));
    CHECK(board.rooms().empty());

    auto hiddenSettings = engine::personSeat(broker.host(), broker.port(), "secret", "Eve");
    hiddenSettings.privateRoom = true;
    engine::Match hidden(game, queue, hiddenSettings);
    hidden.connect();
    loop.add(hidden);
    REQUIRE(stepUntil(loop, [&] { return hidden.session().phase() == engine::Phase::WaitingForPartner; }));
    const auto annWaits = engine::LobbyEntry::Clock::now();
    engine::Match ann(game, queue,
                      engine::personSeat(broker.host(), broker.port(), "kitchen", "Ann"));
    ann.connect();
    loop.add(ann);
    REQUIRE(stepUntil(loop, [&] { return lists(board, "kitchen", "Ann"); }));
    // Eve waited longer than Ann, and is still not there.
    const auto rooms = board.rooms();
    REQUIRE(rooms.size() == 1);
    CHECK(rooms.front().since >= std::chrono::floor<std::chrono::seconds>(annWaits) - 1s);
    CHECK(rooms.front().since <= engine::LobbyEntry::Clock::now());
    CHECK(hidden.session().phase() == engine::Phase::WaitingForPartner);

    // Bob joins Ann: both play, and the lobby is empty again. Bob, who paired at once, never showed.
    engine::Match bob(game, queue,
                      engine::personSeat(broker.host(), broker.port(), "kitchen", "Bob"));
    bob.connect();
    loop.add(bob);
    bool bobListed = false;
    REQUIRE(stepUntil(loop,
                      [&]
                      {
                          bobListed = bobListed || lists(board, "kitchen", "Bob");
                          return ann.session().phase() == engine::Phase::Playing && board.rooms().empty();
                      }));
    CHECK_FALSE(bobListed);
    CHECK(board.refused() == 0);
}

TEST_CASE("A player in the terminal is listed by --list-rooms, and its will takes it off when it vanishes")
{
    mqtt::LoopbackBroker broker;
    const std::vector<std::string> where{"--host", broker.host(), "--port", std::to_string(broker.port())};
    auto listing = [&]
    {
        std::vector<std::string> args{"connect4", "--list-rooms"};
        args.insert(args.end(), where.begin(), where.end());
        auto lister = testsupport::startLauncher(MQTTGAMES_EXECUTABLE, testsupport::Screen::Terminal, broker.port(), args);
        std::string output;
        while (const auto line = lister.readLine(15s))
            output += *line + "\n";
        CHECK(lister.wait(5s) == 0);
        return output;
    };
    CHECK(listing().find("Nobody waits for a partner in Connect Four") != std::string::npos);

    std::vector<std::string> args{"connect4", "--headless", "--room", "attic", "--name", "Zed"};
    args.insert(args.end(), where.begin(), where.end());
    auto zed = testsupport::startLauncher(MQTTGAMES_EXECUTABLE, testsupport::Screen::Terminal, broker.port(), args);

    mqtt::EventQueue queue;
    engine::LobbyBoard board("connect4", queue, at(broker));
    board.start();
    engine::Loop loop(queue);
    REQUIRE(stepUntil(loop, [&] { return lists(board, "attic", "Zed"); }, 20s));
    const std::string output = listing();
    INFO(output);
    CHECK(output.find("Waiting for a partner in Connect Four on 127.0.0.1:" + std::to_string(broker.port())) != std::string::npos);
    CHECK(output.find("  attic  just now  none      Zed\n") != std::string::npos);

    zed.kill(SIGKILL);
    CHECK(stepUntil(loop, [&] { return board.rooms().empty(); }));
}

TEST_CASE("Hostile lobby entries are refused and the list is capped")
{
    mqtt::LoopbackBroker broker;
    testsupport::Inbox<std::string> echoes;
    mqtt::MQTTClient stranger([&](const std::string& topic, const std::string&) { echoes.push(topic); });
    REQUIRE(stranger.connect(broker.host(), broker.port()));
    // Publishing does not wait: the echo of a last message shows the broker has all before it.
    const auto brokerHasAll = [&]
    {
        const std::string probe = "test/probe/" + std::to_string(echoes.items().size());
        return stranger.subscribe(probe, 1) && stranger.publish(probe, "1", 1) && echoes.waitFor(probe);
    };
    const std::string lobby = engine::lobbyTopic("tictactoe") + "/";
    const long long now = secondsNow();
    const auto entry = [](const std::string& room, long long since, long long seen)
    {
        return R"({"room":")" + room + R"(","name":"Mallory","since":)" + std::to_string(since) + R"(,"seen":)" +
               std::to_string(seen) + "}";
    };
    REQUIRE(stranger.publish(lobby + "garbage", "\xff\xfe not json", 1, true));
    REQUIRE(stranger.publish(lobby + "ahead", entry("future", now, now + 86400), 1, true));
    REQUIRE(stranger.publish(lobby + "typed", R"({"room":["a"],"name":"M","since":1,"seen":2})", 1, true));
    REQUIRE(stranger.publish(lobby + "huge", std::string(100000, 'x'), 1, true)); // never delivered: too long
    REQUIRE(stranger.publish(lobby + "deeper/level", entry("deep", now, now), 1, true));
    constexpr int Flood = 300;
    for (int i = 0; i < Flood; ++i)
        REQUIRE(stranger.publish(lobby + "flood" + std::to_string(i), entry("flood-" + std::to_string(i), now - i, now), 1, true));
    REQUIRE(brokerHasAll());

    mqtt::EventQueue queue;
    engine::LobbyBoard board("tictactoe", queue, at(broker));
    board.start();
    engine::Loop loop(queue);
    REQUIRE(stepUntil(loop, [&] { return board.caughtUp(); }));
    const auto rooms = board.rooms();
    REQUIRE(rooms.size() == engine::LobbyBoard::MaxListed);
    for (std::size_t i = 1; i < rooms.size(); ++i)
        CHECK(rooms[i - 1].since <= rooms[i].since); // the longest waiting first
    for (const auto& listed : rooms)
        CHECK(listed.room.rfind("flood-", 0) == 0);
    // Three unreadable; of the 300 readable, all beyond the cap of 200.
    CHECK(board.refused() == 3 + (Flood - engine::LobbyBoard::MaxKept));

    // Cleared entries make room again; so do entries gone stale, which are not listed either.
    for (int i = 0; i < Flood; ++i)
        REQUIRE(stranger.publish(lobby + "flood" + std::to_string(i), "", 1, true));
    REQUIRE(stepUntil(loop, [&] { return board.rooms().empty(); }));
    const auto staleAfter = engine::LobbyEntry::StaleAfter.count();
    const long long aging = secondsNow() - staleAfter + 3; // stale within four seconds
    for (std::size_t i = 0; i < engine::LobbyBoard::MaxKept; ++i)
        REQUIRE(stranger.publish(lobby + "aging" + std::to_string(i), entry("aging-" + std::to_string(i), aging, aging), 1, true));
    REQUIRE(stepUntil(loop, [&] { return board.rooms().size() == engine::LobbyBoard::MaxListed; }));
    REQUIRE(stepUntil(loop, [&] { return board.rooms().empty(); }));
    const long long later = secondsNow();
    REQUIRE(stranger.publish(lobby + "old", entry("stale", later - 3600, later - staleAfter - 60), 1, true));
    REQUIRE(stranger.publish(lobby + "honest", entry("kitchen", later, later), 1, true));
    REQUIRE(stepUntil(loop, [&] { return lists(board, "kitchen", "Mallory"); }));
    CHECK(board.rooms().size() == 1);
}
