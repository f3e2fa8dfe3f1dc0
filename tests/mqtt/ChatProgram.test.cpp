#include <mqttgames/mqtt/GameClient.hpp>
#include <mqttgames/mqtt/GameWire.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include <mqttgames/testing/ChildProcess.hpp>
#include "support/Waiting.hpp"

#include <catch2/catch.hpp>

#include <signal.h>

#include <algorithm>
#include <condition_variable>
#include <mutex>
#include <thread>

using namespace std::chrono_literals;
using mqtt::GameState;
using testing::ChildProcess;

namespace
{

ChildProcess startChat(const mqtt::LoopbackBroker& broker, const std::string& name)
{
    return ChildProcess({MQTTGAMES_CHAT_PATH, "--host", broker.host(), "--port", std::to_string(broker.port()),
                         "--topic", "test/chat", "--name", name});
}

} // namespace

TEST_CASE("Chat program")
{
    mqtt::LoopbackBroker broker;

    SECTION("two terminals pair, chat, and the one left prints the partner's departure")
    {
        auto ann = startChat(broker, "Ann");
        CHECK(ann.readLine() == "STATE CONNECTING");
        CHECK(ann.readLine() == "STATE CONNECTED");
        auto bob = startChat(broker, "Bob");
        CHECK(bob.readLine() == "STATE CONNECTING");
        CHECK(bob.readLine() == "STATE CONNECTED");
        CHECK(bob.readLine() == "STATE READY");
        CHECK(ann.readLine() == "STATE READY");

        ann.write("hello bob@home {\"json\":true}\n");
        CHECK(bob.readLine() == "MSG hello bob@home {\"json\":true}");
        bob.write("hi ann\n");
        CHECK(ann.readLine() == "MSG hi ann");

        ann.closeStdin();
        // Bob answers Ann's DISCONNECT with his own as he exits; Ann, still closing her connection,
        // may read it, but a client that is leaving tells only IDLE (see the test case below).
        CHECK(ann.readLine(30s).value_or("<nothing>") == "STATE IDLE");
        CHECK(ann.wait() == 0);
        CHECK(bob.readLine().value_or("<nothing>") == "STATE DISCONNECTED");
        CHECK(bob.wait() == 0);
    }
    SECTION("a partner killed with SIGKILL is seen as gone through its will")
    {
        testsupport::Inbox<GameState> states;
        mqtt::GameClient watcher([&](GameState state) { states.push(state); }, nullptr, "test/chat");
        REQUIRE(watcher.connect(broker.host(), broker.port()));
        auto victim = startChat(broker, "Victim");
        REQUIRE(victim.waitForLine("STATE READY"));
        REQUIRE(states.waitFor(GameState::Ready));
        victim.kill(SIGKILL);
        CHECK(states.waitFor(GameState::Disconnected, 10s));
    }
    SECTION("a broker that is not there: the program says why and exits with 1")
    {
        ChildProcess chat({MQTTGAMES_CHAT_PATH, "--port", std::to_string(mqtt::LoopbackBroker::freePort()), "--host",
                           "127.0.0.1"});
        CHECK(chat.readLine() == "STATE CONNECTING");
        CHECK(chat.readLine() == "STATE DISCONNECTED");
        CHECK(chat.wait(10s) == 1);
    }
}

TEST_CASE("The side that leaves ends IDLE and is never DISCONNECTED")
{
    // What the leaving chat once printed under load: its partner, seeing our DISCONNECT, leaves too
    // and sends its own, which our network thread can read before disconnect() has closed the
    // connection. Here our network thread is held in a message callback while disconnect() begins,
    // with the partner's DISCONNECT already waiting for it: whatever it still reads, only IDLE is told.
    // Ann runs on a reactor of her own: a callback that blocks holds every client of its reactor.
    mqtt::LoopbackBroker broker;
    const std::string topic = "test/leaving";
    std::mutex mutex;
    std::condition_variable changed;
    bool released = false;
    testsupport::Inbox<GameState> annStates, bobStates;
    testsupport::Inbox<std::string> held;
    mqtt::GameClient ann([&](GameState state) { annStates.push(state); },
                         [&](const std::string& text)
                         {
                             if (text != "hold")
                                 return;
                             held.push(text);
                             std::unique_lock lock(mutex);
                             changed.wait_for(lock, 30s, [&] { return released; });
                         },
                         topic, std::make_shared<mqtt::Reactor>());
    mqtt::GameClient bob([&](GameState state) { bobStates.push(state); }, nullptr, topic);
    testsupport::Inbox<std::string> seen;
    mqtt::MQTTClient watcher([&](const std::string&, const std::string& payload) { seen.push(payload); });
    REQUIRE(watcher.connect(broker.host(), broker.port()));
    REQUIRE(watcher.subscribe(topic));
    REQUIRE(ann.connect(broker.host(), broker.port()));
    REQUIRE(bob.connect(broker.host(), broker.port()));
    REQUIRE(annStates.waitFor(GameState::Ready));
    REQUIRE(bobStates.waitFor(GameState::Ready));

    REQUIRE(bob.sendMessage("hold"));
    REQUIRE(held.waitForCount(1)); // Ann's network thread now waits in her callback
    std::thread leaving([&] { ann.disconnect(); });
    CHECK(testsupport::eventually([&] { return !ann.hasBrokerConnection(); })); // disconnect() has begun
    bob.disconnect();
    // Bob's goodbye, signed (the pair signs) and so not readable as the seed's "DISCONNECT@ID".
    CHECK(testsupport::eventually(
        [&]
        {
            for (const auto& payload : seen.items())
                if (const auto envelope = mqtt::wire::parse(payload); envelope && envelope->sender == bob.getId())
                    if (const auto message = mqtt::wire::parseSigned(envelope->text); message && message->text == mqtt::wire::DisconnectText)
                        return true;
            return false;
        }));
    {
        std::lock_guard lock(mutex);
        released = true;
    }
    changed.notify_all();
    leaving.join();

    const auto states = annStates.items();
    INFO("Ann's last state: " << mqtt::toString(states.back()));
    CHECK(states.back() == GameState::Idle);
    CHECK(std::count(states.begin(), states.end(), GameState::Disconnected) == 0);
}
