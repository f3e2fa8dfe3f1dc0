#include <mqttgames/testing/FaultProxy.hpp>
#include <mqttgames/mqtt/GameClient.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include "support/Certificates.hpp"
#include "support/Waiting.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace std::chrono_literals;
using mqtt::GameState;
using testsupport::Inbox;

TEST_CASE("MQTTClient over TLS")
{
    // The certificates live in a folder of their own beside the broker's.
    const auto folder = std::filesystem::temp_directory_path() / ("mqttgames-tls-" + std::to_string(::getpid()));
    std::filesystem::create_directories(folder);
    testsupport::Certificates certificates(folder);
    const int tlsPort = mqtt::LoopbackBroker::freePort();
    mqtt::LoopbackBroker::Options options;
    options.extraConfig = {"listener " + std::to_string(tlsPort) + " 127.0.0.1", "cafile " + certificates.caCert.string(),
                           "certfile " + certificates.serverCert.string(), "keyfile " + certificates.serverKey.string()};
    mqtt::LoopbackBroker broker(options);
    REQUIRE(mqtt::LoopbackBroker::portAnswers("127.0.0.1", tlsPort, 5s));

    SECTION("connects and exchanges messages with the right CA certificate")
    {
        Inbox<std::string> received;
        mqtt::MQTTClient client([&](const std::string&, const std::string& text) { received.push(text); });
        client.setTls({certificates.caCert.string()});
        REQUIRE(client.connect("127.0.0.1", tlsPort));
        REQUIRE(client.subscribe("secret"));
        REQUIRE(client.publish("secret", "over TLS"));
        CHECK(received.waitFor("over TLS"));
    }
    SECTION("a TLS error on an established connection ends it, and it is made again")
    {
        mqtt::FaultProxy proxy("127.0.0.1", tlsPort);
        Inbox<bool> links;
        Inbox<std::string> received;
        mqtt::MQTTClient client([&](const std::string&, const std::string& text) { received.push(text); });
        client.setConnectionCallback([&](bool connected, const std::string&) { links.push(connected); });
        client.setTls({certificates.caCert.string()});
        REQUIRE(client.connect(proxy.host(), proxy.port()));
        REQUIRE(client.subscribe("secret"));
        proxy.setGarbling(true); // the next TLS record from the broker fails its check
        REQUIRE(client.publish("secret", "garbled on the way back"));
        REQUIRE(links.waitForCount(2, 10s));
        CHECK_FALSE(client.getLastError().empty());
        proxy.setGarbling(false);
        REQUIRE(links.waitForCount(3, 20s));
        CHECK(links.items() == std::vector<bool>{true, false, true});
        REQUIRE(client.publish("secret", "after the error"));
        CHECK(received.waitFor("after the error"));
    }
    SECTION("refuses a server whose certificate another authority signed")
    {
        mqtt::MQTTClient client;
        client.setConnectTimeout(3s);
        client.setTls({certificates.otherCaCert.string()});
        CHECK_FALSE(client.connect("127.0.0.1", tlsPort));
        // Refused for its certificate, its name being right: not a timeout, nor a name mismatch.
        CHECK_THAT(client.getLastError(), Catch::Contains("TLS error") && Catch::Contains("certificate verify failed"));
        CHECK_THAT(client.getLastError(), !Catch::Contains("host name"));
    }
    SECTION("refuses a server whose certificate names another host")
    {
        mqtt::MQTTClient client;
        client.setConnectTimeout(3s);
        client.setTls({certificates.caCert.string()});
        CHECK_FALSE(client.connect("localhost", tlsPort)); // the certificate is for 127.0.0.1 only
        // Refused for the name, by the TLS handshake: not for a timeout or a refused connection.
        CHECK_THAT(client.getLastError(), Catch::Contains("TLS error") && Catch::Contains("host name verification failed"));
    }
    SECTION("a plain client cannot talk to the TLS listener")
    {
        mqtt::MQTTClient client;
        client.setConnectTimeout(2s);
        CHECK_FALSE(client.connect("127.0.0.1", tlsPort));
        // The TLS listener hangs up on a plain CONNECT at once: said so, with the likely cause (not
        // "no answer" after the timeout, nor a refused connection).
        CHECK_THAT(client.getLastError(), Catch::Contains("closed the connection without answering") && Catch::Contains("TLS"));
    }
    SECTION("GameClient pairs over TLS")
    {
        Inbox<GameState> annStates, bobStates;
        mqtt::GameClient ann([&](GameState s) { annStates.push(s); }, nullptr, "test/tls");
        mqtt::GameClient bob([&](GameState s) { bobStates.push(s); }, nullptr, "test/tls");
        ann.setTls({certificates.caCert.string()});
        bob.setTls({certificates.caCert.string()});
        REQUIRE(ann.connect("127.0.0.1", tlsPort));
        REQUIRE(bob.connect("127.0.0.1", tlsPort));
        CHECK(annStates.waitFor(GameState::Ready));
        CHECK(bobStates.waitFor(GameState::Ready));
    }
    std::filesystem::remove_all(folder);
}

TEST_CASE("GameClient with logins and a topic ACL")
{
    mqtt::LoopbackBroker::Options options;
    options.users = {{"ann", "ann-pass"}, {"bob", "bob-pass"}};
    const auto aclFile = std::filesystem::temp_directory_path() / ("mqttgames-acl-" + std::to_string(::getpid()));
    std::ofstream(aclFile) << "pattern readwrite games/%u/#\nuser ann\ntopic readwrite rooms/42/#\nuser bob\ntopic readwrite rooms/42/#\n";
    options.extraConfig = {"acl_file " + aclFile.string()};
    mqtt::LoopbackBroker broker(options);

    auto player = [&](Inbox<GameState>& states, const std::string& topic)
    {
        auto client = std::make_unique<mqtt::GameClient>([&states](GameState s) { states.push(s); }, nullptr, topic);
        client->setConnectTimeout(2s);
        return client;
    };

    SECTION("players limited to their room's topics still play inside it")
    {
        Inbox<GameState> annStates, bobStates;
        auto ann = player(annStates, "rooms/42/tictactoe");
        auto bob = player(bobStates, "rooms/42/tictactoe");
        ann->setCredentials("ann", "ann-pass");
        bob->setCredentials("bob", "bob-pass");
        REQUIRE(ann->connect(broker.host(), broker.port()));
        REQUIRE(bob->connect(broker.host(), broker.port()));
        CHECK(annStates.waitFor(GameState::Ready));
        CHECK(bobStates.waitFor(GameState::Ready));
    }
    SECTION("a room outside the ACL fails with a clear reason")
    {
        Inbox<GameState> states;
        auto ann = player(states, "rooms/7/tictactoe");
        ann->setCredentials("ann", "ann-pass");
        CHECK_FALSE(ann->connect(broker.host(), broker.port()));
        CHECK_THAT(ann->getLastError(), Catch::Contains("may we subscribe"));
        CHECK(ann->getState() == GameState::Disconnected);
    }
    SECTION("a wrong password fails with a clear reason and is never logged")
    {
        Inbox<GameState> states;
        auto ann = player(states, "rooms/42/tictactoe");
        ann->setCredentials("ann", "wrong-pass");
        CHECK_FALSE(ann->connect(broker.host(), broker.port()));
        CHECK_THAT(ann->getLastError(), Catch::Contains("not authorised"));
        CHECK(ann->getLastError().find("wrong-pass") == std::string::npos);
    }
    std::filesystem::remove(aclFile);
}
