// Leaving never waits for the network: disconnect() and destruction return within 100 ms whatever
// the network does, also while a connect or a reconnect is in flight.

#include <mqttgames/testing/FaultProxy.hpp>
#include <mqttgames/mqtt/GameClient.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include "support/SilentBroker.hpp"
#include "support/TestPlayer.hpp"
#include "support/Waiting.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <thread>

using namespace std::chrono_literals;
using mqtt::GameState;
using testsupport::eventually;

namespace
{

using Clock = std::chrono::steady_clock;

constexpr auto Bound = 100ms;

template <typename F>
Clock::duration timed(F&& call)
{
    const auto start = Clock::now();
    call();
    return Clock::now() - start;
}

std::string ms(Clock::duration duration)
{
    return std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(duration).count() / 1000.0) + " ms";
}

} // namespace

TEST_CASE("MQTTClient: leaving never waits for the network")
{
    SECTION("disconnect() cancels a connect() to a broker that accepts TCP and never answers")
    {
        testsupport::SilentBroker silent;
        mqtt::MQTTClient client;
        client.setConnectTimeout(20s);
        bool connected = true;
        Clock::time_point returned;
        std::thread connecting(
            [&]
            {
                connected = client.connect("127.0.0.1", silent.port());
                returned = Clock::now();
            });
        REQUIRE(eventually([&] { return silent.accepted() == 1; }));
        const auto start = Clock::now();
        const auto took = timed([&] { client.disconnect(); });
        connecting.join();
        INFO("disconnect() took " << ms(took) << ", connect() returned after " << ms(returned - start));
        CHECK(took < Bound);
        CHECK_FALSE(connected);
        CHECK(returned - start < Bound);
        CHECK_THAT(client.getLastError(), Catch::Contains("cancelled"));
    }
    SECTION("disconnect() and destruction on a stalled network, with messages still queued")
    {
        mqtt::LoopbackBroker broker;
        mqtt::FaultProxy proxy(broker.host(), broker.port());
        auto client = std::make_unique<mqtt::MQTTClient>();
        auto other = std::make_unique<mqtt::MQTTClient>();
        REQUIRE(client->connect(proxy.host(), proxy.port()));
        REQUIRE(other->connect(proxy.host(), proxy.port()));
        proxy.stall();
        const std::string chunk(32 * 1024, 'x');
        for (int i = 0; i < 100; ++i) // more than the socket buffers hold
        {
            REQUIRE(client->publish("t", chunk, 1));
            REQUIRE(other->publish("t", chunk, 1));
        }
        const auto left = timed([&] { client->disconnect(); });
        CHECK_FALSE(client->isConnected());
        REQUIRE(client->connect(broker.host(), broker.port())); // the same client goes on elsewhere
        const auto destroyed = timed([&] { client.reset(); });
        const auto destroyedStalled = timed([&] { other.reset(); });
        INFO("disconnect " << ms(left) << ", destruction " << ms(destroyed) << ", destruction while stalled " << ms(destroyedStalled));
        CHECK(left < Bound);
        CHECK(destroyed < Bound);
        CHECK(destroyedStalled < Bound);
    }
    SECTION("destruction while a reconnect to a silent broker is under way")
    {
        mqtt::LoopbackBroker broker;
        mqtt::FaultProxy proxy(broker.host(), broker.port());
        testsupport::Inbox<bool> links;
        auto client = std::make_unique<mqtt::MQTTClient>();
        client->setConnectionCallback([&](bool connected, const std::string&) { links.push(connected); });
        client->setConnectTimeout(20s);
        REQUIRE(client->connect(proxy.host(), proxy.port()));
        proxy.stall(); // new connections are accepted, and nothing is forwarded
        proxy.cut();
        REQUIRE(links.waitFor(false));
        REQUIRE(eventually([&] { return proxy.connectionCount() == 2; })); // the reconnect waits for a CONNACK
        const auto took = timed([&] { client.reset(); });
        INFO("destruction took " << ms(took));
        CHECK(took < Bound);
    }
}

TEST_CASE("GameClient: leaving never waits for the network")
{
    SECTION("a paired player leaves, and is destroyed, while the network is stalled")
    {
        mqtt::LoopbackBroker broker;
        mqtt::FaultProxy proxy(broker.host(), broker.port());
        testsupport::TestPlayer ann("Ann", "test/leaving"), bob("Bob", "test/leaving");
        REQUIRE(ann.client->connect(proxy.host(), proxy.port()));
        REQUIRE(bob.client->connect(proxy.host(), proxy.port()));
        REQUIRE(ann.states.waitFor(GameState::Ready));
        REQUIRE(bob.states.waitFor(GameState::Ready));
        proxy.stall();
        REQUIRE(ann.client->sendMessage("into the void"));
        const auto left = timed([&] { ann.client->disconnect(); });
        const auto destroyed = timed([&] { bob.client.reset(); });
        INFO("disconnect " << ms(left) << ", destruction " << ms(destroyed));
        CHECK(left < Bound);
        CHECK(destroyed < Bound);
        CHECK(ann.client->getState() == GameState::Idle);
    }
    SECTION("disconnect() cancels a connect() in flight; destruction cancels a start()")
    {
        testsupport::SilentBroker silent;
        testsupport::TestPlayer ann("Ann", "test/leaving");
        ann.client->setConnectTimeout(20s);
        bool connected = true;
        Clock::time_point returned;
        std::thread connecting(
            [&]
            {
                connected = ann.client->connect("127.0.0.1", silent.port());
                returned = Clock::now();
            });
        REQUIRE(eventually([&] { return silent.accepted() == 1; }));
        const auto start = Clock::now();
        const auto left = timed([&] { ann.client->disconnect(); });
        connecting.join();
        CHECK(left < Bound);
        CHECK(returned - start < Bound);
        CHECK_FALSE(connected);
        CHECK(ann.client->getState() == GameState::Idle);

        ann.client->start("127.0.0.1", silent.port());
        REQUIRE(eventually([&] { return silent.accepted() == 2; }));
        const auto destroyed = timed([&] { ann.client.reset(); });
        INFO("disconnect " << ms(left) << ", destruction " << ms(destroyed));
        CHECK(destroyed < Bound);
    }
}
