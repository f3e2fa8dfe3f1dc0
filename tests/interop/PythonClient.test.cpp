#include <mqttgames/mqtt/GameClient.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>
#include <mqttgames/mqtt/NumberText.hpp>

#include <mqttgames/testing/ChildProcess.hpp>
#include "support/Waiting.hpp"

#include <catch2/catch.hpp>

#include <signal.h>

#include <filesystem>
#include <limits>
#include <string>
#include <vector>

using namespace std::chrono_literals;
using mqtt::GameState;
using testing::ChildProcess;

namespace
{

constexpr const char* Python = MQTTGAMES_PYTHON3;
constexpr const char* Examples = MQTTGAMES_PYTHON_EXAMPLES;
constexpr const char* Topic = "test/interop";
// Python takes a second or more to start on a busy machine: its lines get a generous deadline.
constexpr auto PythonDeadline = 30s;

bool probePythonWithPaho()
{
    if (!std::filesystem::exists(Python))
        return false;
    ChildProcess probe({Python, "-c", "try:\n import paho.mqtt.client\nexcept ImportError:\n raise SystemExit(1)"});
    return probe.wait(PythonDeadline) == 0;
}

// Asked once per run: Catch enters the test case again for each section.
bool havePythonWithPaho()
{
    static const bool available = probePythonWithPaho();
    return available;
}

// -B: no __pycache__ written into the source tree.
ChildProcess startPythonChat(const mqtt::LoopbackBroker& broker, const std::string& name)
{
    return ChildProcess({Python, "-B", std::string(Examples) + "/chat.py", "--host", broker.host(), "--port",
                         std::to_string(broker.port()), "--topic", Topic, "--name", name});
}

ChildProcess startOurChat(const mqtt::LoopbackBroker& broker, const std::string& name)
{
    return ChildProcess({MQTTGAMES_CHAT_PATH, "--host", broker.host(), "--port", std::to_string(broker.port()),
                         "--topic", Topic, "--name", name});
}

} // namespace

TEST_CASE("A Python client with the seed library's calls and ours on one topic")
{
    // A missing tool fails the test: a skip would let the suite pass with nothing checked.
    if (!havePythonWithPaho())
        FAIL("no python3 with paho-mqtt at '" << Python << "': install python3-paho-mqtt (scripts/install-deps test does)");
    mqtt::LoopbackBroker broker;

    SECTION("the Python chat and mqttgames-chat pair, talk both ways, and the one left sees the other go")
    {
        auto python = startPythonChat(broker, "Ann");
        REQUIRE(python.readLine(PythonDeadline) == "STATE CONNECTING");
        REQUIRE(python.readLine(PythonDeadline) == "STATE CONNECTED");
        auto ours = startOurChat(broker, "Bob");
        CHECK(ours.readLine() == "STATE CONNECTING");
        CHECK(ours.readLine() == "STATE CONNECTED");
        CHECK(ours.readLine() == "STATE READY");
        CHECK(python.readLine(PythonDeadline) == "STATE READY");

        python.write("hello bob@home {\"json\":true}\n");
        CHECK(ours.readLine() == "MSG hello bob@home {\"json\":true}");
        ours.write("hi ann\n");
        CHECK(python.readLine(PythonDeadline) == "MSG hi ann");

        ours.closeStdin();
        CHECK(ours.waitForLine("STATE IDLE", 30s));
        CHECK(ours.wait() == 0);
        CHECK(python.readLine(PythonDeadline).value_or("<nothing>") == "STATE DISCONNECTED");
        CHECK(python.waitForLine("STATE IDLE", PythonDeadline));
        CHECK(python.wait(PythonDeadline) == 0);
    }
    SECTION("our GameClient pairs with the Python one, learns its name, trades numbers as text, sees it leave")
    {
        testsupport::Inbox<GameState> states;
        testsupport::Inbox<std::string> messages;
        mqtt::GameClient ours([&](GameState state) { states.push(state); },
                              [&](const std::string& text) { messages.push(text); }, Topic);
        ours.setName("Cee");
        REQUIRE(ours.connect(broker.host(), broker.port()));
        auto python = startPythonChat(broker, "Pat");
        REQUIRE(python.waitForLine("STATE READY", PythonDeadline));
        REQUIRE(states.waitFor(GameState::Ready));
        CHECK(ours.getPartnerName() == "Pat");

        REQUIRE(ours.sendMessage(mqtt::numberToText(0.1 + 0.2)));
        CHECK(python.readLine(PythonDeadline) == "MSG 0.30000000000000004");
        python.write("2.5\n");
        CHECK(messages.waitFor("2.5", PythonDeadline));

        python.closeStdin();
        CHECK(states.waitFor(GameState::Disconnected, PythonDeadline));
        CHECK(python.waitForLine("STATE IDLE", PythonDeadline));
        CHECK(python.wait(PythonDeadline) == 0);
    }
    SECTION("a Python client killed with SIGKILL is seen gone through its will")
    {
        testsupport::Inbox<GameState> states;
        mqtt::GameClient ours([&](GameState state) { states.push(state); }, nullptr, Topic);
        REQUIRE(ours.connect(broker.host(), broker.port()));
        auto python = startPythonChat(broker, "Victim");
        REQUIRE(python.waitForLine("STATE READY", PythonDeadline));
        REQUIRE(states.waitFor(GameState::Ready));
        python.kill(SIGKILL);
        CHECK(states.waitFor(GameState::Disconnected, 10s));
    }
    SECTION("numbers we publish come back unchanged from Python's str(): both write them alike")
    {
        testsupport::Inbox<std::string> echoes;
        mqtt::MQTTClient ours([&](const std::string&, const std::string& text) { echoes.push(text); });
        REQUIRE(ours.connect(broker.host(), broker.port()));
        REQUIRE(ours.subscribe("test/numbers/out"));
        ChildProcess python({Python, "-B", std::string(Examples) + "/number_echo.py", broker.host(), std::to_string(broker.port()),
                             "test/numbers"});
        REQUIRE(python.readLine(PythonDeadline) == "SUBSCRIBED");

        // What Python 3 prints for each value (str() and repr() of a float are one since 3.2).
        const std::vector<std::string> pythonText = {
            "42", "-7", "2.5", "0.1", "0.30000000000000004", "0.3333333333333333", "100.0", "-0.0",
            "1e+16", "1e-05", "1.5e-05", "6.02214076e+23", "5e-324", "1.7976931348623157e+308", "inf", "0.1"};
        std::vector<std::string> sent;
        const auto send = [&](auto value)
        {
            sent.push_back(mqtt::numberToText(value));
            CHECK(ours.publish("test/numbers/in", value));
        };
        send(42);
        send(-7L);
        send(2.5);
        send(0.1);
        send(0.1 + 0.2);
        send(1.0 / 3.0);
        send(100.0);
        send(-0.0);
        send(1e16);
        send(1e-5);
        send(1.5e-5);
        send(6.02214076e23);
        send(5e-324);
        send(std::numeric_limits<double>::max());
        send(std::numeric_limits<double>::infinity());
        send(0.1f);
        CHECK(sent == pythonText);

        REQUIRE(echoes.waitForCount(sent.size(), PythonDeadline));
        CHECK(echoes.items() == sent);
        python.closeStdin();
        CHECK(python.wait(PythonDeadline) == 0);
    }
}
