#include <mqttgames/mqtt/GameClient.hpp>
#include <mqttgames/mqtt/GameWire.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include "support/TestPlayer.hpp"
#include "support/Waiting.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <memory>
#include <thread>

using namespace std::chrono_literals;
using mqtt::GameState;
using testsupport::Inbox;

namespace
{

using Player = testsupport::TestPlayer;

// A raw client on the topic, speaking the wire format by hand like another library would.
struct RawPeer
{
    explicit RawPeer(const mqtt::LoopbackBroker& broker, const std::string& topicName = "test/game") : topic(topicName)
    {
        REQUIRE(client.connect(broker.host(), broker.port()));
        REQUIRE(client.subscribe(topic));
    }
    void send(const std::string& text, int qos = 0) { REQUIRE(client.publish(topic, mqtt::wire::format(text, id), qos)); }

    std::string topic;
    std::string id = mqtt::wire::randomId();
    Inbox<std::string> received;
    mqtt::MQTTClient client{[this](const std::string&, const std::string& payload) { received.push(payload); }};
};

void pair(const mqtt::LoopbackBroker& broker, Player& a, Player& b)
{
    REQUIRE(a.client->connect(broker.host(), broker.port()));
    REQUIRE(b.client->connect(broker.host(), broker.port()));
    REQUIRE(a.states.waitFor(GameState::Ready));
    REQUIRE(b.states.waitFor(GameState::Ready));
}

} // namespace

TEST_CASE("GameClient pairing")
{
    mqtt::LoopbackBroker broker;

    SECTION("the first comes, then the second: both READY, names exchanged, states in order")
    {
        Player ann("Ann"), bob("Bob");
        REQUIRE(ann.client->connect(broker.host(), broker.port()));
        CHECK(ann.client->getState() == GameState::Connected);
        REQUIRE(bob.client->connect(broker.host(), broker.port()));
        REQUIRE(ann.states.waitFor(GameState::Ready));
        REQUIRE(bob.states.waitFor(GameState::Ready));
        CHECK(ann.states.items() == std::vector{GameState::Connecting, GameState::Connected, GameState::Ready});
        CHECK(bob.states.items() == std::vector{GameState::Connecting, GameState::Connected, GameState::Ready});
        CHECK(ann.client->getPartnerName() == "Bob");
        CHECK(bob.client->getPartnerName() == "Ann");
        CHECK(ann.client->getPartnerId() == bob.client->getId());
        CHECK(bob.client->getPartnerId() == ann.client->getId());
    }
    SECTION("two clients that start at the same moment always pair")
    {
        for (int round = 0; round < 5; ++round)
        {
            const std::string topic = "test/simultaneous/" + std::to_string(round);
            Player ann("Ann", topic), bob("Bob", topic);
            bool annConnected = false, bobConnected = false; // Catch's assertions are for one thread only
            std::thread first([&] { annConnected = ann.client->connect(broker.host(), broker.port()); });
            std::thread second([&] { bobConnected = bob.client->connect(broker.host(), broker.port()); });
            first.join();
            second.join();
            CHECK(annConnected);
            CHECK(bobConnected);
            CHECK(ann.states.waitFor(GameState::Ready));
            CHECK(bob.states.waitFor(GameState::Ready));
            CHECK(ann.client->getPartnerId() == bob.client->getId());
        }
    }
    SECTION("both agree on who plays first")
    {
        Player ann("Ann"), bob("Bob");
        pair(broker, ann, bob);
        CHECK(ann.client->isFirst() != bob.client->isFirst());
        CHECK(ann.client->isFirst() == (ann.client->getId() < bob.client->getId()));
    }
    SECTION("a lost hello strands nobody: a waiting client announces itself again")
    {
        Player ann("Ann");
        REQUIRE(ann.client->connect(broker.host(), broker.port()));
        // This peer arrives after Ann's first hello and never says hello first itself.
        RawPeer late(broker);
        REQUIRE(testsupport::eventually(
            [&]
            {
                for (const auto& payload : late.received.items())
                    if (payload.starts_with("_ENTERED,Ann,"))
                        return true;
                return false;
            }));
        late.send("_ENTERED,Late,10.1.2.3");
        REQUIRE(ann.states.waitFor(GameState::Ready));
        CHECK(ann.client->getPartnerName() == "Late");
    }
    SECTION("a broker that is not there: false, a reason, state DISCONNECTED")
    {
        Player ann("Ann");
        ann.client->setConnectTimeout(2s);
        CHECK_FALSE(ann.client->connect("127.0.0.1", mqtt::LoopbackBroker::freePort()));
        CHECK(ann.client->getState() == GameState::Disconnected);
        CHECK_FALSE(ann.client->getLastError().empty());
        CHECK(ann.states.items() == std::vector{GameState::Connecting, GameState::Disconnected});
    }
}

TEST_CASE("GameClient messages")
{
    mqtt::LoopbackBroker broker;
    Player ann("Ann"), bob("Bob");
    pair(broker, ann, bob);

    SECTION("travel both ways, with @ and JSON in them")
    {
        CHECK(ann.client->sendMessage("mail me at ann@example.org"));
        CHECK(ann.client->sendMessage(R"({"game":"tictactoe","cell":4,"note":"a@b"})"));
        CHECK(bob.client->sendMessage("@"));
        CHECK(bob.client->sendMessage(""));
        REQUIRE(bob.messages.waitForCount(2));
        REQUIRE(ann.messages.waitForCount(2));
        CHECK(bob.messages.items() ==
              std::vector<std::string>{"mail me at ann@example.org", R"({"game":"tictactoe","cell":4,"note":"a@b"})"});
        CHECK(ann.messages.items() == std::vector<std::string>{"@", ""});
    }
    SECTION("a disconnect is seen by the partner, and not as a message")
    {
        ann.client->disconnect();
        CHECK(ann.client->getState() == GameState::Idle);
        REQUIRE(bob.states.waitFor(GameState::Disconnected));
        CHECK(bob.messages.size() == 0);
        CHECK_FALSE(bob.client->sendMessage("anyone?"));
    }
    SECTION("after the partner left, a new partner can be found")
    {
        ann.client->disconnect();
        REQUIRE(bob.states.waitFor(GameState::Disconnected));
        REQUIRE(bob.client->lookForPartner());
        Player cid("Cid");
        REQUIRE(cid.client->connect(broker.host(), broker.port()));
        REQUIRE(cid.states.waitFor(GameState::Ready));
        REQUIRE(testsupport::eventually([&] { return bob.client->getPartnerName() == "Cid"; }));
        CHECK(bob.client->getState() == GameState::Ready);
    }
    SECTION("a third client cannot take over or disturb the pair")
    {
        Player cid("Cid");
        REQUIRE(cid.client->connect(broker.host(), broker.port()));
        RawPeer forger(broker);
        forger.send("_ENTERED,Mallory,6.6.6.6", 1);
        forger.send("forged move", 1);
        forger.send("DISCONNECT", 1);
        // Then a marker in each player's name, which the other one refuses and tells (its tag does
        // not hold): the broker passes a publisher's messages on a topic to each subscriber in the
        // order it got them (MQTT 3.1.1 and 5, section 4.6, "Ordered Topic", same qos: all reach
        // the players at the qos 0 of their subscription), and a client handles them in that order.
        // Once both markers are refused, Ann and Bob have handled all the forger sent before.
        const std::string marker = mqtt::wire::makeSigned({1, "00", "marker"});
        REQUIRE(forger.client.publish(forger.topic, mqtt::wire::format(marker, ann.client->getId()), 1));
        REQUIRE(forger.client.publish(forger.topic, mqtt::wire::format(marker, bob.client->getId()), 1));
        REQUIRE(bob.waitForRefusal("marker"));
        REQUIRE(ann.waitForRefusal("marker"));
        CHECK(ann.client->getState() == GameState::Ready);
        CHECK(bob.client->getState() == GameState::Ready);
        CHECK(ann.client->getPartnerName() == "Bob");
        CHECK(bob.client->getPartnerName() == "Ann");
        CHECK(ann.client->sendMessage("still here"));
        REQUIRE(bob.messages.waitFor("still here"));
        CHECK(bob.messages.items() == std::vector<std::string>{"still here"});
        CHECK(ann.messages.size() == 0);
        // Cid, still waiting, pairs with Mallory, who has no partner, gets its move and sees it
        // leave; never a player who has a partner. Its leaving tells that Cid handled all three.
        REQUIRE(cid.states.waitFor(GameState::Disconnected));
        CHECK(cid.states.items() == std::vector{GameState::Connecting, GameState::Connected, GameState::Ready, GameState::Disconnected});
        CHECK(cid.messages.items() == std::vector<std::string>{"forged move"});
    }
}

TEST_CASE("GameClient ignores what is not from a partner")
{
    mqtt::LoopbackBroker broker;

    SECTION("retained messages left on the topic are not delivered and pair nobody")
    {
        {
            mqtt::MQTTClient leftover;
            REQUIRE(leftover.connect(broker.host(), broker.port()));
            REQUIRE(leftover.publish("test/game", "_ENTERED,Ghost,1.1.1.1@ghostghostghostghost", 1, true));
            // A qos 1 publish on the same connection after it: once it is acknowledged... we wait on a
            // subscriber that sees the retained message, which proves the broker stored it.
            Inbox<std::string> seen;
            mqtt::MQTTClient probe([&](const std::string&, const std::string& text) { seen.push(text); });
            REQUIRE(probe.connect(broker.host(), broker.port()));
            REQUIRE(probe.subscribe("test/game"));
            REQUIRE(seen.waitForCount(1));
        }
        Player ann("Ann");
        REQUIRE(ann.client->connect(broker.host(), broker.port()));
        RawPeer marker(broker);
        // Ann's own hello reaching the marker shows Ann has been subscribed (and got the retained one).
        REQUIRE(testsupport::eventually(
            [&]
            {
                for (const auto& payload : marker.received.items())
                    if (payload.starts_with("_ENTERED,Ann,"))
                        return true;
                return false;
            }));
        CHECK(ann.client->getState() == GameState::Connected);
        CHECK(ann.client->getPartnerName().empty());
    }
    SECTION("a client of the seed's library plays with us on one topic")
    {
        Player ann("Ann");
        REQUIRE(ann.client->connect(broker.host(), broker.port()));
        RawPeer seed(broker);
        seed.send("_ENTERED,Python,192.168.1.20");
        REQUIRE(ann.states.waitFor(GameState::Ready));
        CHECK(ann.client->getPartnerName() == "Python");
        // Ann answered with her own hello, as the reference does.
        REQUIRE(testsupport::eventually(
            [&]
            {
                const auto items = seed.received.items();
                return std::count_if(items.begin(), items.end(), [](const auto& p) { return p.starts_with("_ENTERED,Ann,"); }) >= 1;
            }));
        CHECK(ann.client->sendMessage("your turn"));
        REQUIRE(seed.received.waitFor("your turn@" + ann.client->getId()));
        seed.send("move 5");
        REQUIRE(ann.messages.waitFor("move 5"));
        seed.send("DISCONNECT");
        REQUIRE(ann.states.waitFor(GameState::Disconnected));
        CHECK(ann.messages.items() == std::vector<std::string>{"move 5"});
    }
}

TEST_CASE("GameClient answers are meant for one player")
{
    mqtt::LoopbackBroker broker;
    Player cid("Cid");
    REQUIRE(cid.client->connect(broker.host(), broker.port()));
    REQUIRE(cid.client->getState() == GameState::Connected);
    RawPeer peer(broker);
    // Cid's hellos the peer read from position `from` on, as parsed announcements.
    const auto hellosFromCid = [&](std::size_t from)
    {
        std::vector<mqtt::wire::Hello> hellos;
        const auto payloads = peer.received.items();
        for (std::size_t i = from; i < payloads.size(); ++i)
            if (const auto envelope = mqtt::wire::parse(payloads[i]); envelope && envelope->sender == cid.client->getId() &&
                                                                      mqtt::wire::isHello(envelope->text))
                hellos.push_back(mqtt::wire::parseHello(envelope->text));
        return hellos;
    };

    SECTION("a hello that answers someone else pairs nobody")
    {
        // One connection, so Cid reads them in this order: the first must be passed over.
        peer.send("_ENTERED,Taken,1.1.1.1,to=someoneelse0000000000");
        peer.send("_ENTERED,Free,1.1.1.1");
        REQUIRE(cid.states.waitFor(GameState::Ready));
        CHECK(cid.client->getPartnerName() == "Free");
    }
    SECTION("the answer to a player names that player")
    {
        peer.send("_ENTERED,Dan,1.1.1.1");
        REQUIRE(cid.states.waitFor(GameState::Ready));
        CHECK(testsupport::eventually(
            [&]
            {
                const auto hellos = hellosFromCid(0);
                return std::any_of(hellos.begin(), hellos.end(), [&](const auto& hello) { return hello.to == peer.id; });
            }));
    }
    SECTION("a partner seen answering someone else was taken meanwhile: wait again")
    {
        peer.send("_ENTERED,Dan,1.1.1.1");
        REQUIRE(cid.states.waitFor(GameState::Ready));
        peer.send("_ENTERED,Dan,1.1.1.1,to=someoneelse0000000000");
        REQUIRE(testsupport::eventually([&] { return cid.client->getState() == GameState::Connected; }));
        CHECK(cid.client->getPartnerId().empty());
        CHECK(cid.states.items() == std::vector<GameState>{GameState::Connecting, GameState::Connected, GameState::Ready, GameState::Connected});
        // Cid announces itself again, to anyone.
        const std::size_t seen = peer.received.size();
        CHECK(testsupport::eventually(
            [&]
            {
                const auto hellos = hellosFromCid(seen);
                return std::any_of(hellos.begin(), hellos.end(), [](const auto& hello) { return hello.to.empty(); });
            }));
    }
}

TEST_CASE("GameClient's events carry the partner as it was when they happened")
{
    // Paired with Dan, Dan seen answering someone else, then paired with Eve: all in one burst on
    // one connection, so a main loop drains the three events in one go. Each names its own partner,
    // whatever the client has moved on to by the time the event is read.
    mqtt::LoopbackBroker broker;
    Inbox<mqtt::GameEvent> events;
    Player cid("Cid");
    cid.client->setEventCallback([&](const mqtt::GameEvent& event) { events.push(event); });
    REQUIRE(cid.client->connect(broker.host(), broker.port()));
    RawPeer peer(broker);
    const std::string dan = mqtt::wire::randomId(), eve = mqtt::wire::randomId();
    REQUIRE(peer.client.publish(peer.topic, mqtt::wire::format("_ENTERED,Dan,1.1.1.1", dan)));
    REQUIRE(peer.client.publish(peer.topic, mqtt::wire::format("_ENTERED,Dan,1.1.1.1,to=someoneelse0000000000", dan)));
    REQUIRE(peer.client.publish(peer.topic, mqtt::wire::format("_ENTERED,Eve,1.1.1.1", eve)));
    REQUIRE(events.waitForCount(4));
    const auto seen = events.items();
    REQUIRE(std::holds_alternative<mqtt::event::Waiting>(seen[0]));
    const auto* first = std::get_if<mqtt::event::Paired>(&seen[1]);
    REQUIRE(first);
    CHECK(first->partnerId == dan);
    CHECK(first->partnerName == "Dan");
    CHECK(first->first == (cid.client->getId() < dan));
    CHECK(std::holds_alternative<mqtt::event::Waiting>(seen[2]));
    const auto* second = std::get_if<mqtt::event::Paired>(&seen[3]);
    REQUIRE(second);
    CHECK(second->partnerId == eve);
    CHECK(second->partnerName == "Eve");
    CHECK(cid.client->getPartnerId() == eve);
}
