#include <mqttgames/mqtt/GameClient.hpp>
#include <mqttgames/mqtt/GameWire.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include "support/TestPlayer.hpp"

#include <catch2/catch.hpp>

#include <memory>

using namespace std::chrono_literals;
using mqtt::GameState;
using testsupport::Inbox;

namespace
{

struct Player : testsupport::TestPlayer
{
    explicit Player(const std::string& name) : TestPlayer(name, "test/hostile") {}
};

} // namespace

TEST_CASE("GameClient under hostile input")
{
    mqtt::LoopbackBroker broker;
    Player ann("Ann"), bob("Bob");
    REQUIRE(ann.client->connect(broker.host(), broker.port()));
    REQUIRE(bob.client->connect(broker.host(), broker.port()));
    REQUIRE(ann.states.waitFor(GameState::Ready));
    REQUIRE(bob.states.waitFor(GameState::Ready));
    mqtt::MQTTClient stranger;
    REQUIRE(stranger.connect(broker.host(), broker.port()));
    const std::string strangerId = mqtt::wire::randomId();

    // After the hostile input, the pair must still be intact and talking.
    auto pairStillWorks = [&]
    {
        CHECK(ann.client->sendMessage("still fine"));
        CHECK(bob.messages.waitFor("still fine"));
        CHECK(ann.client->getState() == GameState::Ready);
        CHECK(bob.client->getState() == GameState::Ready);
        CHECK(ann.client->getPartnerId() == bob.client->getId());
        CHECK(bob.client->getPartnerId() == ann.client->getId());
    };

    SECTION("malformed payloads from a stranger are dropped")
    {
        for (const std::string payload :
             {std::string("no sender"), std::string(""), std::string("@"), std::string("text@"), std::string("\xff\xfe\xfd@\xc3"),
              std::string("\0\0\0", 3), "text@" + strangerId, "_ENTERED,Mallory,6.6.6.6@" + strangerId,
              "_ENTERED,Mallory,6.6.6.6,back@" + strangerId, "DISCONNECT@" + strangerId, "{\"game\":\"x\"}@" + strangerId})
            REQUIRE(stranger.publish("test/hostile", payload));
        pairStillWorks();
        CHECK(bob.messages.items() == std::vector<std::string>{"still fine"});
        CHECK(ann.messages.size() == 0);
    }
    SECTION("megabytes are dropped unread, even in the partner's name")
    {
        const std::string huge(3 * 1024 * 1024, 'x');
        REQUIRE(stranger.publish("test/hostile", huge + "@" + bob.client->getId()));
        REQUIRE(stranger.publish("test/hostile", huge + "@" + strangerId));
        pairStillWorks();
        CHECK(ann.messages.size() == 0);
    }
    SECTION("a retained message from a stranger is not delivered")
    {
        REQUIRE(stranger.publish("test/hostile", "retained junk@" + bob.client->getId(), 1, true));
        Player late("Late");
        REQUIRE(late.client->connect(broker.host(), broker.port()));
        pairStillWorks();
        CHECK(late.messages.size() == 0);
    }
    SECTION("a flood from a stranger does not delay the partner's messages much or reach the game")
    {
        int refused = 0;
        for (int i = 0; i < 20000; ++i)
            refused += stranger.publish("test/hostile", "flood " + std::to_string(i) + "@" + strangerId) ? 0 : 1;
        CHECK(refused == 0);
        pairStillWorks();
        CHECK(bob.messages.items() == std::vector<std::string>{"still fine"});
    }
    SECTION("bytes that are not UTF-8, even from the partner, are dropped before the game sees them")
    {
        CHECK(ann.client->sendMessage("\xff\xfe"));
        CHECK(ann.client->sendMessage("after the bytes")); // sent after them: once it is here, they were judged
        CHECK(bob.messages.waitFor("after the bytes"));
        CHECK(bob.messages.items() == std::vector<std::string>{"after the bytes"});
    }
}
