#include <mqttgames/mqtt/GameClient.hpp>
#include <mqttgames/mqtt/GameWire.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>
#include <mqttgames/mqtt/Reactor.hpp>
#include <mqttgames/testing/FaultProxy.hpp>

#include "PairKey.hpp"
#include "support/TestPlayer.hpp"

#include <catch2/catch.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

// A stranger on the topic who has seen every message of a pair tries to speak in a player's name.

using namespace std::chrono_literals;
using mqtt::GameState;
using testsupport::Inbox;

namespace
{

constexpr const char* Topic = "test/signed";

struct Player : testsupport::TestPlayer
{
    explicit Player(const std::string& name) : TestPlayer(name, Topic) {}
};

// Everything said on the topic, as the stranger reads it.
struct Eavesdropper
{
    explicit Eavesdropper(const mqtt::LoopbackBroker& broker)
    {
        REQUIRE(client.connect(broker.host(), broker.port()));
        REQUIRE(client.subscribe(Topic));
    }

    // The first payload from `sender` whose text passes `matches`.
    template <typename Predicate>
    std::optional<std::string> find(const std::string& sender, Predicate matches) const
    {
        for (const auto& payload : heard.items())
            if (const auto envelope = mqtt::wire::parse(payload); envelope && envelope->sender == sender && matches(envelope->text))
                return payload;
        return std::nullopt;
    }

    Inbox<std::string> heard;
    // On a network thread of its own: another program.
    mqtt::MQTTClient client{[this](const std::string&, const std::string& payload) { heard.push(payload); }, "", "",
                            std::make_shared<mqtt::Reactor>()};
};

bool isSignedAs(const std::string& text, const std::string& inner)
{
    const auto message = mqtt::wire::parseSigned(text);
    return message && message->text == inner;
}

} // namespace

TEST_CASE("Nobody but the partner speaks in its name")
{
    mqtt::LoopbackBroker broker;
    Player ann("Ann"), bob("Bob");
    Eavesdropper stranger(broker);
    REQUIRE(ann.client->connect(broker.host(), broker.port()));
    REQUIRE(bob.client->connect(broker.host(), broker.port()));
    REQUIRE(ann.states.waitFor(GameState::Ready));
    REQUIRE(bob.states.waitFor(GameState::Ready));
    const std::string annId = ann.client->getId();
    const std::string bobId = bob.client->getId();
    REQUIRE(ann.client->sendMessage("move 1"));
    REQUIRE(bob.messages.waitFor("move 1"));
    REQUIRE(bob.client->sendMessage("move 2"));
    REQUIRE(ann.messages.waitFor("move 2"));
    // The stranger has both moves, as they went over the wire: signed.
    REQUIRE(testsupport::eventually([&] { return stranger.find(bobId, [](const auto& t) { return isSignedAs(t, "move 2"); }).has_value(); }));
    const std::string annsMove = *stranger.find(annId, [](const auto& t) { return isSignedAs(t, "move 1"); });
    const std::string bobsMove = *stranger.find(bobId, [](const auto& t) { return isSignedAs(t, "move 2"); });
    const auto forge = [&](const std::string& payload) { REQUIRE(stranger.client.publish(Topic, payload, 1)); };
    const auto inAnnsName = [&](const std::string& text) { forge(mqtt::wire::format(text, annId)); };
    const auto bobStates = bob.states.items();

    // The forgery was refused and told, and nothing changed: Bob still plays Ann, has her first move
    // only, and her next one still comes.
    auto pairStillPlays = [&](const std::string& refusedQuote)
    {
        CHECK(bob.waitForRefusal(refusedQuote));
        CHECK(ann.client->sendMessage("move 3"));
        REQUIRE(bob.messages.waitFor("move 3"));
        CHECK(bob.messages.items() == std::vector<std::string>{"move 1", "move 3"});
        CHECK(bob.states.items() == bobStates);
        CHECK(bob.client->getState() == GameState::Ready);
        CHECK(bob.client->getPartnerId() == annId);
        CHECK(ann.client->getState() == GameState::Ready);
        CHECK(ann.client->getPartnerId() == bobId);
    };

    SECTION("a message or move in the seed's plain form")
    {
        inAnnsName("move 9");
        pairStillPlays("move 9");
    }
    SECTION("a signed message with a made-up tag")
    {
        inAnnsName(mqtt::wire::makeSigned({1000, std::string(32, 'a'), "move 9"}));
        pairStillPlays("move 9");
    }
    SECTION("the partner's own message again (a replay)")
    {
        forge(annsMove);
        pairStillPlays("move 1");
    }
    SECTION("the other player's message, put in the partner's name")
    {
        const auto envelope = mqtt::wire::parse(bobsMove);
        inAnnsName(envelope->text);
        pairStillPlays("move 2");
    }
    SECTION("an acknowledgement or a bye of the game, in JSON")
    {
        inAnnsName(R"({"type":"ack","seq":1})");
        inAnnsName(R"({"type":"bye"})");
        pairStillPlays(R"({"type":"bye"})");
    }
    SECTION("a leave: the seed's DISCONNECT, without the will's secret")
    {
        inAnnsName(std::string(mqtt::wire::DisconnectText));
        pairStillPlays("DISCONNECT");
    }
    SECTION("a will in the partner's name, sent by the broker for the stranger")
    {
        // The stranger's own connection vanishes, and the broker publishes its will: a DISCONNECT in
        // Ann's name, with the will mark and a guessed secret.
        mqtt::FaultProxy proxy(broker.host(), broker.port());
        mqtt::MQTTClient vanishing(nullptr, "", "", std::make_shared<mqtt::Reactor>());
        vanishing.setWill(Topic, mqtt::wire::format(mqtt::wire::DisconnectText, annId), 0, false, std::string(32, '0'));
        REQUIRE(vanishing.connect(proxy.host(), proxy.port(), 5));
        proxy.setRefusing(true);
        proxy.cut();
        CHECK(bob.waitForRefusal("DISCONNECT", 20s)); // 1.5-2.5 x the keepalive of 5 s
        pairStillPlays("DISCONNECT");
    }
    SECTION("hellos in the partner's name: back, taken by someone else, a new key")
    {
        const mqtt::detail::KeyPair strangersKey;
        inAnnsName("_ENTERED,Ann,10.0.0.9,back");
        inAnnsName("_ENTERED,Ann,10.0.0.9,to=" + mqtt::wire::randomId());
        inAnnsName("_ENTERED,Ann,10.0.0.9,back,k=" + strangersKey.publicHex());
        inAnnsName("_ENTERED,Ann,10.0.0.9,back,k=" + strangersKey.publicHex() + ",m=99.0123456789abcdef0123456789abcdef");
        inAnnsName("_ENTERED,Mallory,10.0.0.9");
        pairStillPlays("_ENTERED,Mallory,10.0.0.9");
        CHECK(bob.refused.size() >= 5);
        CHECK(bob.client->getPartnerName() == "Ann");
    }
    SECTION("the partner's own signed hello again (a replay)")
    {
        const auto hello = stranger.find(annId, [](const std::string& text)
                                         { return mqtt::wire::isHello(text) && mqtt::wire::helloTag(text).has_value(); });
        REQUIRE(hello);
        forge(*hello);
        pairStillPlays(mqtt::wire::parse(*hello)->text.substr(0, 20));
    }
}

TEST_CASE("A signed pair still sees its partner leave, crash and come back")
{
    mqtt::LoopbackBroker broker;
    Inbox<bool> bobSawLeave; // before the players: it outlives their clients, which push into it
    Player ann("Ann"), bob("Bob");
    bob.client->setEventCallback(
        [&](const mqtt::GameEvent& event)
        {
            if (const auto* left = std::get_if<mqtt::event::PartnerLeft>(&event))
                bobSawLeave.push(left->crashed);
        });

    SECTION("a goodbye")
    {
        REQUIRE(ann.client->connect(broker.host(), broker.port()));
        REQUIRE(bob.client->connect(broker.host(), broker.port()));
        REQUIRE(ann.states.waitFor(GameState::Ready));
        REQUIRE(bob.states.waitFor(GameState::Ready));
        ann.client->disconnect();
        REQUIRE(bobSawLeave.waitForCount(1));
        CHECK(bobSawLeave.items() == std::vector<bool>{false});
        CHECK(bob.client->getState() == GameState::Disconnected);
    }
    SECTION("a crash, then a return of the same session")
    {
        mqtt::FaultProxy proxy(broker.host(), broker.port());
        ann.client->setKeepalive(5);
        REQUIRE(ann.client->connect(proxy.host(), proxy.port()));
        REQUIRE(bob.client->connect(broker.host(), broker.port()));
        REQUIRE(ann.states.waitFor(GameState::Ready));
        REQUIRE(bob.states.waitFor(GameState::Ready));
        proxy.setRefusing(true);
        proxy.cut();
        REQUIRE(bobSawLeave.waitForCount(1, 20s)); // Ann's will, with its secret
        CHECK(bobSawLeave.items() == std::vector<bool>{true});
        CHECK(ann.states.waitFor(GameState::Disconnected));
        proxy.setRefusing(false); // Ann reconnects by herself and asks Bob back, signed
        REQUIRE(testsupport::eventually([&] { return bob.client->getState() == GameState::Ready; }, 30s));
        REQUIRE(testsupport::eventually([&] { return ann.client->getState() == GameState::Ready; }));
        REQUIRE(ann.client->sendMessage("back"));
        CHECK(bob.messages.waitFor("back"));
    }
}

TEST_CASE("Who signs, and the room password")
{
    mqtt::LoopbackBroker broker;

    SECTION("two of our clients sign; a client of the seed's protocol pairs unsigned")
    {
        Player ann("Ann"), bob("Bob");
        REQUIRE(ann.client->connect(broker.host(), broker.port()));
        REQUIRE(bob.client->connect(broker.host(), broker.port()));
        REQUIRE(ann.pairedSigned.waitForCount(1));
        REQUIRE(bob.pairedSigned.waitForCount(1));
        CHECK(ann.pairedSigned.items() == std::vector<bool>{true});
        CHECK(bob.pairedSigned.items() == std::vector<bool>{true});

        Player cid("Cid");
        REQUIRE(cid.client->connect(broker.host(), broker.port()));
        mqtt::MQTTClient seed;
        REQUIRE(seed.connect(broker.host(), broker.port()));
        REQUIRE(seed.publish(Topic, mqtt::wire::format("_ENTERED,Python,10.0.0.2", mqtt::wire::randomId())));
        REQUIRE(cid.pairedSigned.waitForCount(1));
        CHECK(cid.pairedSigned.items() == std::vector<bool>{false});
    }
    SECTION("only players with the same room password pair")
    {
        Player ann("Ann"), mallory("Mallory"), bob("Bob");
        ann.client->setRoomPassword("blue whale");
        mallory.client->setRoomPassword("red herring");
        bob.client->setRoomPassword("blue whale");
        Eavesdropper watcher(broker);
        REQUIRE(ann.client->connect(broker.host(), broker.port()));
        REQUIRE(mallory.client->connect(broker.host(), broker.port()));
        // Two more of Ann's hellos after Mallory's came back: each would have paired them.
        const std::size_t heard = watcher.heard.size();
        REQUIRE(testsupport::eventually(
            [&]
            {
                const auto payloads = watcher.heard.items();
                return std::count_if(payloads.begin() + static_cast<std::ptrdiff_t>(heard), payloads.end(),
                                     [&](const std::string& p) { return p.ends_with("@" + ann.client->getId()); }) >= 2;
            }));
        CHECK(ann.client->getState() == GameState::Connected);
        CHECK(mallory.client->getState() == GameState::Connected);
        REQUIRE(bob.client->connect(broker.host(), broker.port()));
        REQUIRE(ann.states.waitFor(GameState::Ready));
        REQUIRE(bob.states.waitFor(GameState::Ready));
        CHECK(ann.client->getPartnerId() == bob.client->getId());
        CHECK(mallory.client->getState() == GameState::Connected);
        REQUIRE(ann.client->sendMessage("hello Bob"));
        CHECK(bob.messages.waitFor("hello Bob"));
    }
    SECTION("a room password never pairs with a client of the seed's protocol")
    {
        Player ann("Ann"), bob("Bob");
        ann.client->setRoomPassword("blue whale");
        REQUIRE(ann.client->connect(broker.host(), broker.port()));
        mqtt::MQTTClient seed;
        REQUIRE(seed.connect(broker.host(), broker.port()));
        REQUIRE(seed.publish(Topic, mqtt::wire::format("_ENTERED,Python,10.0.0.2", mqtt::wire::randomId()), 1));
        // Bob comes after the seed's hello (the broker acknowledged it), which Ann gets first.
        bob.client->setRoomPassword("blue whale");
        REQUIRE(bob.client->connect(broker.host(), broker.port()));
        REQUIRE(ann.states.waitFor(GameState::Ready));
        CHECK(ann.client->getPartnerId() == bob.client->getId());
    }
}
