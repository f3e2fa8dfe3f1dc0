// Callbacks may call their client: every method, from inside every callback, disconnect and
// destruction included, without deadlock or use-after-free (this file runs under TSan and ASan too).

#include <mqttgames/mqtt/GameClient.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include "support/TestPlayer.hpp"
#include "support/Waiting.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <stdexcept>

using namespace std::chrono_literals;
using mqtt::GameState;
using testsupport::Inbox;

TEST_CASE("MQTTClient's callbacks may call their client")
{
    mqtt::LoopbackBroker broker;
    mqtt::MQTTClient driver;
    REQUIRE(driver.connect(broker.host(), broker.port()));
    Inbox<std::string> done;
    std::unique_ptr<mqtt::MQTTClient> client;

    // Each command, received on "do", makes the client call itself from its message callback.
    const auto onMessage = [&](const std::string& topic, const std::string& text)
    {
        if (topic != "do")
            return done.push(topic + ":" + text);
        if (text == "publish")
            done.push(client->publish("echo", "published") ? "ok" : "failed");
        else if (text == "subscribe")
            done.push(client->subscribe("more") && client->isConnected() && client->getLastError().empty() ? "asked" : "failed");
        else if (text == "unsubscribe")
            done.push(client->unsubscribe("more") ? "ok" : "failed");
        else if (text == "reconnect")
        {
            client->disconnect();
            done.push(client->connect(broker.host(), broker.port()) ? "started" : "failed");
        }
        else if (text == "disconnect")
        {
            client->disconnect();
            done.push(client->isConnected() ? "still connected" : "disconnected");
        }
        else if (text == "throw")
            throw std::runtime_error("a callback that throws");
        else if (text == "destroy")
        {
            client.reset();
            done.push("destroyed");
        }
    };
    client = std::make_unique<mqtt::MQTTClient>(onMessage);
    client->setSubscribedCallback([&](const std::string& topic, bool granted) { done.push(topic + (granted ? " granted" : " refused")); });
    REQUIRE(client->connect(broker.host(), broker.port()));
    REQUIRE(client->subscribe({{"do", 0}, {"echo", 0}}));

    SECTION("publish, subscribe, unsubscribe and the getters")
    {
        REQUIRE(driver.publish("do", "publish"));
        CHECK(done.waitFor("echo:published"));
        REQUIRE(driver.publish("do", "subscribe"));
        REQUIRE(done.waitFor("asked"));
        REQUIRE(done.waitFor("more granted")); // the broker's answer, through the subscribed callback
        REQUIRE(driver.publish("more", "on more"));
        CHECK(done.waitFor("more:on more"));
        REQUIRE(driver.publish("do", "unsubscribe"));
        REQUIRE(done.waitFor("ok"));
    }
    SECTION("disconnect, then connect again from the same callback")
    {
        Inbox<bool> links;
        REQUIRE(driver.publish("do", "reconnect"));
        REQUIRE(done.waitFor("started"));
        // The new session has no subscriptions: the client is back once it can subscribe again.
        REQUIRE(testsupport::eventually([&] { return client->isConnected(); }));
        REQUIRE(client->subscribe("echo"));
        REQUIRE(driver.publish("echo", "after"));
        CHECK(done.waitFor("echo:after"));
    }
    SECTION("a callback that throws ends nothing: the client, and its reactor, go on")
    {
        REQUIRE(driver.publish("do", "throw"));
        REQUIRE(driver.publish("do", "publish"));
        CHECK(done.waitFor("echo:published"));
        CHECK(client->isConnected());
    }
    SECTION("disconnect")
    {
        REQUIRE(driver.publish("do", "disconnect"));
        CHECK(done.waitFor("disconnected"));
    }
    SECTION("destruction")
    {
        REQUIRE(driver.publish("do", "destroy"));
        CHECK(done.waitFor("destroyed"));
        CHECK_FALSE(client);
    }
    SECTION("from the connection callback: subscribe, publish, then destruction")
    {
        auto other = std::make_unique<mqtt::MQTTClient>([&](const std::string&, const std::string& text) { done.push(text); });
        other->setConnectionCallback(
            [&](bool connected, const std::string&)
            {
                if (!connected)
                    return;
                other->subscribe("self");
                other->publish("self", "from the connection callback");
            });
        REQUIRE(other->connect(broker.host(), broker.port()));
        REQUIRE(done.waitFor("from the connection callback"));
        other->setConnectionCallback(nullptr); // applies from the next connect() on
        other->setMessageCallback(
            [&](const std::string&, const std::string&, bool)
            {
                other.reset();
                done.push("destroyed in its message callback");
            });
        REQUIRE(other->connect(broker.host(), broker.port()));
        REQUIRE(other->subscribe("self"));
        REQUIRE(driver.publish("self", "go"));
        CHECK(done.waitFor("destroyed in its message callback"));
    }
}

TEST_CASE("GameClient's callbacks may call their client")
{
    mqtt::LoopbackBroker broker;
    testsupport::TestPlayer bob("Bob", "test/reentrant");
    Inbox<std::string> done;
    std::unique_ptr<mqtt::GameClient> ann;

    SECTION("from the state callback: send when paired, look for a partner when it left, then leave")
    {
        ann = std::make_unique<mqtt::GameClient>(
            [&](GameState state)
            {
                done.push(mqtt::toString(state));
                if (state == GameState::Ready)
                    ann->sendMessage("hello from READY, to " + ann->getPartnerName());
                else if (state == GameState::Disconnected && ann->hasBrokerConnection())
                    done.push(ann->lookForPartner() ? "looking" : "not looking");
            },
            [&](const std::string& text)
            {
                if (text == "leave")
                    ann->disconnect();
            },
            "test/reentrant");
        ann->setAnnounceInterval(200ms);
        REQUIRE(ann->connect(broker.host(), broker.port()));
        REQUIRE(bob.client->connect(broker.host(), broker.port()));
        REQUIRE(bob.messages.waitFor("hello from READY, to Bob"));
        bob.client->disconnect();
        REQUIRE(done.waitFor("looking"));
        CHECK(ann->getState() == GameState::Connected);
        REQUIRE(bob.client->connect(broker.host(), broker.port()));
        REQUIRE(testsupport::eventually([&] { return bob.client->getState() == GameState::Ready; }));
        REQUIRE(bob.client->sendMessage("leave"));
        REQUIRE(done.waitFor("IDLE"));
        CHECK(ann->getState() == GameState::Idle);
        CHECK(bob.states.waitFor(GameState::Disconnected));
    }
    SECTION("from the message callback: destruction, and connect again from a state callback")
    {
        bool reconnected = false;
        ann = std::make_unique<mqtt::GameClient>(
            [&](GameState state)
            {
                done.push(mqtt::toString(state));
                if (state == GameState::Disconnected && !reconnected)
                {
                    reconnected = true;
                    done.push(ann->connect(broker.host(), broker.port()) ? "connecting again" : "failed");
                }
            },
            [&](const std::string& text)
            {
                if (text != "destroy")
                    return;
                ann.reset();
                done.push("destroyed");
            },
            "test/reentrant");
        ann->setAnnounceInterval(200ms);
        REQUIRE(ann->connect(broker.host(), broker.port()));
        REQUIRE(bob.client->connect(broker.host(), broker.port()));
        REQUIRE(bob.states.waitFor(GameState::Ready));
        bob.client->disconnect(); // Ann: DISCONNECTED, and she connects again from that callback
        REQUIRE(done.waitFor("connecting again"));
        REQUIRE(bob.client->connect(broker.host(), broker.port()));
        REQUIRE(testsupport::eventually([&] { return bob.client->getState() == GameState::Ready; }));
        REQUIRE(bob.client->sendMessage("destroy"));
        CHECK(done.waitFor("destroyed"));
        CHECK(bob.states.waitFor(GameState::Disconnected)); // her destructor said goodbye
    }
    SECTION("from the event callback: every event may call the client")
    {
        ann = std::make_unique<mqtt::GameClient>(nullptr, nullptr, "test/reentrant");
        ann->setAnnounceInterval(200ms);
        ann->setEventCallback(
            [&](const mqtt::GameEvent& event)
            {
                if (const auto* paired = std::get_if<mqtt::event::Paired>(&event))
                    ann->sendMessage("paired with " + paired->partnerName + " (" + (paired->partnerId == ann->getPartnerId() ? "same id" : "other id") + ")");
                else if (const auto* message = std::get_if<mqtt::event::Message>(&event); message && message->text == "bye")
                {
                    ann.reset();
                    done.push("destroyed");
                }
            });
        REQUIRE(ann->connect(broker.host(), broker.port()));
        REQUIRE(bob.client->connect(broker.host(), broker.port()));
        REQUIRE(bob.messages.waitFor("paired with Bob (same id)"));
        REQUIRE(bob.client->sendMessage("bye"));
        CHECK(done.waitFor("destroyed"));
    }
}
