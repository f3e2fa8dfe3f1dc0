// MQTT 5 where the broker speaks it (no local, maximum packet size), 3.1.1 where it does not, and
// memory that stays flat under a flood.

#include <mqttgames/testing/FaultProxy.hpp>
#include <mqttgames/mqtt/GameClient.hpp>
#include <mqttgames/mqtt/GameWire.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include <mqttgames/testing/ChildProcess.hpp>
#include "support/TestPlayer.hpp"
#include "support/Waiting.hpp"

#include <catch2/catch.hpp>

#include <unistd.h>

#include <fstream>

using namespace std::chrono_literals;
using mqtt::GameState;
using testsupport::Inbox;

namespace
{

// Resident memory of this process, in bytes.
std::size_t residentBytes()
{
    std::ifstream statm("/proc/self/statm");
    std::size_t pages = 0, resident = 0;
    statm >> pages >> resident;
    return resident * static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
}

struct Receiver
{
    Inbox<std::string> inbox;
    mqtt::MQTTClient client{[this](const std::string&, const std::string& text) { inbox.push(text); }};
};

} // namespace

TEST_CASE("MQTT 5 where the broker speaks it")
{
    mqtt::LoopbackBroker broker;

    SECTION("mosquitto speaks MQTT 5; a client that does not want its own messages does not get them")
    {
        Receiver quiet, echo;
        quiet.client.setReceiveOwnMessages(false);
        REQUIRE(quiet.client.connect(broker.host(), broker.port()));
        REQUIRE(echo.client.connect(broker.host(), broker.port()));
        CHECK(quiet.client.protocolVersion() == 5);
        REQUIRE(quiet.client.subscribe("t"));
        REQUIRE(echo.client.subscribe("t"));
        REQUIRE(quiet.client.publish("t", "own"));
        // Once the other subscriber has it, the broker has handled it for everybody: then a later
        // message from someone else arrives, and "own" never does.
        REQUIRE(echo.inbox.waitFor("own"));
        REQUIRE(echo.client.publish("t", "other"));
        REQUIRE(quiet.inbox.waitFor("other"));
        REQUIRE(echo.inbox.waitFor("other"));
        CHECK(quiet.inbox.items() == std::vector<std::string>{"other"});
        CHECK(echo.inbox.items() == std::vector<std::string>{"own", "other"});
    }
    SECTION("a paired GameClient never gets its own messages back")
    {
        mqtt::FaultProxy proxy(broker.host(), broker.port()); // counts what the broker sends Ann
        testsupport::TestPlayer ann("Ann", "test/own"), bob("Bob", "test/own");
        REQUIRE(ann.client->connect(proxy.host(), proxy.port()));
        REQUIRE(bob.client->connect(broker.host(), broker.port()));
        REQUIRE(ann.states.waitFor(GameState::Ready));
        REQUIRE(bob.states.waitFor(GameState::Ready));
        REQUIRE(bob.client->sendMessage("ready"));
        REQUIRE(ann.messages.waitFor("ready")); // the pairing's own traffic is over
        const std::size_t before = proxy.bytesToClients();
        const std::string move(1000, 'm');
        for (int i = 0; i < 100; ++i)
            REQUIRE(ann.client->sendMessage(move));
        REQUIRE(ann.client->sendMessage("last"));
        REQUIRE(bob.messages.waitFor("last"));
        REQUIRE(bob.client->sendMessage("after"));
        REQUIRE(ann.messages.waitFor("after")); // anything of Ann's own would have come before this
        INFO("bytes sent to Ann while she sent 100 kB: " << proxy.bytesToClients() - before);
        CHECK(proxy.bytesToClients() - before < 1000);
        CHECK(ann.messages.items() == std::vector<std::string>{"ready", "after"});
    }
    SECTION("the broker never sends a client more than its message limit")
    {
        mqtt::LoopbackBroker::Options options;
        options.messageSizeLimit = 0; // the broker itself takes anything: the client's limit is what stops it
        mqtt::LoopbackBroker generous(options);
        mqtt::FaultProxy proxy(generous.host(), generous.port());
        Receiver receiver;
        mqtt::MQTTClient sender;
        REQUIRE(receiver.client.connect(proxy.host(), proxy.port()));
        REQUIRE(receiver.client.subscribe("flood"));
        REQUIRE(sender.connect(generous.host(), generous.port()));
        const std::string megabyte(1024 * 1024, 'x');
        for (int i = 0; i < 20; ++i)
            REQUIRE(sender.publish("flood", megabyte));
        REQUIRE(sender.publish("flood", "small"));
        REQUIRE(receiver.inbox.waitFor("small", 20s));
        CHECK(receiver.inbox.items() == std::vector<std::string>{"small"});
        INFO("bytes the broker sent the receiver: " << proxy.bytesToClients());
        CHECK(proxy.bytesToClients() < 64 * 1024); // not one megabyte reached its socket
    }
    SECTION("a client flooded with 1 MB messages keeps its memory flat")
    {
        // The flood comes from another process (mosquitto_pub), so that this process's memory is
        // the receiver's alone: sanitizers keep freed memory in quarantine, which a sender here
        // would fill.
        mqtt::LoopbackBroker::Options options;
        options.messageSizeLimit = 0;
        mqtt::LoopbackBroker generous(options);
        Receiver receiver;
        REQUIRE(receiver.client.connect(generous.host(), generous.port()));
        REQUIRE(receiver.client.subscribe("flood"));
        const std::string megabyteLine = std::string(1024 * 1024, 'x') + "\n"; // made once: nothing big is allocated here
        const auto flood = [&](const std::string& marker)
        {
            testing::ChildProcess publisher({"/usr/bin/mosquitto_pub", "-h", generous.host(), "-p",
                                                 std::to_string(generous.port()), "-t", "flood", "-l"});
            for (int i = 0; i < 20; ++i)
                publisher.write(megabyteLine);
            publisher.write(marker + "\n"); // after the megabytes, on the same connection
            publisher.closeStdin();
            REQUIRE(receiver.inbox.waitFor(marker, 20s));
        };
        flood("warm-up");
        const std::size_t before = residentBytes();
        for (int round = 0; round < 10; ++round)
            flood("marker " + std::to_string(round));
        const std::size_t after = residentBytes();
        INFO("resident before " << before / 1024 << " kB, after 200 MB sent at it " << after / 1024 << " kB");
        CHECK(after < before + 4 * 1024 * 1024);
        CHECK(receiver.inbox.size() == 11); // the markers only
    }
    SECTION("LoopbackBroker's broker drops publications over its limit")
    {
        Receiver receiver;
        mqtt::MQTTClient sender;
        receiver.client.setMaxMessageSize(4 * 1024 * 1024);
        REQUIRE(receiver.client.connect(broker.host(), broker.port()));
        REQUIRE(receiver.client.subscribe("big"));
        REQUIRE(sender.connect(broker.host(), broker.port()));
        REQUIRE(sender.publish("big", std::string(mqtt::LoopbackBroker::Options{}.messageSizeLimit + 1, 'x')));
        REQUIRE(sender.publish("big", std::string(1000, 'y')));
        REQUIRE(receiver.inbox.waitForCount(1));
        CHECK(receiver.inbox.items().front().size() == 1000);
    }
}

TEST_CASE("MQTT 3.1.1 where the broker does not speak 5")
{
    mqtt::LoopbackBroker broker;
    mqtt::FaultProxy oldBroker(broker.host(), broker.port());
    oldBroker.setRefusingMqtt5(true); // answers MQTT 5 as a 3.1.1 broker must: CONNACK 1, then closes

    SECTION("MQTTClient falls back by itself and works as before")
    {
        Receiver receiver;
        receiver.client.setReceiveOwnMessages(false); // 3.1.1 knows no "no local": it is sent back
        REQUIRE(receiver.client.connect(oldBroker.host(), oldBroker.port()));
        CHECK(receiver.client.protocolVersion() == 4);
        CHECK(oldBroker.connectionCount() == 2); // MQTT 5 refused, then 3.1.1
        REQUIRE(receiver.client.subscribe("t"));
        REQUIRE(receiver.client.publish("t", "own"));
        CHECK(receiver.inbox.waitFor("own"));
    }
    SECTION("it stays on 3.1.1 when it reconnects")
    {
        Inbox<bool> links;
        mqtt::MQTTClient client;
        client.setConnectionCallback([&](bool connected, const std::string&) { links.push(connected); });
        REQUIRE(client.connect(oldBroker.host(), oldBroker.port()));
        oldBroker.cut();
        REQUIRE(links.waitForCount(3, 10s)); // connected, lost, connected again
        CHECK(links.items() == std::vector<bool>{true, false, true});
        CHECK(client.protocolVersion() == 4);
        CHECK(oldBroker.connectionCount() == 3); // one refused MQTT 5, then 3.1.1 twice
    }
    SECTION("GameClient pairs across versions and never hands its own messages to the game")
    {
        testsupport::TestPlayer ann("Ann", "test/versions"), bob("Bob", "test/versions");
        REQUIRE(ann.client->connect(oldBroker.host(), oldBroker.port()));
        REQUIRE(bob.client->connect(broker.host(), broker.port()));
        CHECK(ann.client->protocolVersion() == 4);
        CHECK(bob.client->protocolVersion() == 5);
        REQUIRE(ann.states.waitFor(GameState::Ready));
        REQUIRE(bob.states.waitFor(GameState::Ready));
        CHECK(ann.client->getPartnerName() == "Bob");
        CHECK(bob.client->getPartnerName() == "Ann");
        REQUIRE(ann.client->sendMessage("from Ann"));
        REQUIRE(bob.client->sendMessage("from Bob"));
        REQUIRE(ann.messages.waitFor("from Bob"));
        REQUIRE(bob.messages.waitFor("from Ann"));
        REQUIRE(bob.client->sendMessage("last"));
        REQUIRE(ann.messages.waitFor("last"));
        CHECK(ann.messages.items() == std::vector<std::string>{"from Bob", "last"});
        CHECK(bob.messages.items() == std::vector<std::string>{"from Ann"});
    }
}

TEST_CASE("A partner that leaves is told from one that vanished (MQTT 5)")
{
    mqtt::LoopbackBroker broker;
    mqtt::FaultProxy proxy(broker.host(), broker.port());
    Inbox<bool> leftByWill;
    testsupport::TestPlayer ann("Ann", "test/left"), bob("Bob", "test/left");
    bob.client->setEventCallback(
        [&](const mqtt::GameEvent& event)
        {
            if (const auto* left = std::get_if<mqtt::event::PartnerLeft>(&event))
                leftByWill.push(left->crashed);
        });
    ann.client->setKeepalive(5);
    REQUIRE(bob.client->connect(broker.host(), broker.port()));

    SECTION("leaving on purpose")
    {
        REQUIRE(ann.client->connect(broker.host(), broker.port()));
        REQUIRE(bob.states.waitFor(GameState::Ready));
        ann.client->disconnect();
        REQUIRE(leftByWill.waitForCount(1));
        CHECK(leftByWill.items() == std::vector<bool>{false});
    }
    SECTION("vanishing: the broker sends the will")
    {
        REQUIRE(ann.client->connect(proxy.host(), proxy.port()));
        REQUIRE(bob.states.waitFor(GameState::Ready));
        proxy.setRefusing(true); // Ann stays away
        proxy.cut();
        REQUIRE(leftByWill.waitForCount(1, 15s));
        CHECK(leftByWill.items() == std::vector<bool>{true});
    }
}
