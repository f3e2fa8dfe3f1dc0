#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include "support/Waiting.hpp"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>

using namespace std::chrono_literals;
using testsupport::Inbox;

namespace
{

using Message = std::pair<std::string, std::string>;

// Collects every message a client receives.
struct Receiver
{
    Inbox<Message> inbox;
    mqtt::MQTTClient client{[this](const std::string& topic, const std::string& text) { inbox.push({topic, text}); }};
};

// Captures what the process writes to stderr while it lives.
class StderrCapture
{
public:
    StderrCapture() : m_file(std::tmpfile())
    {
        std::fflush(stderr);
        m_saved = ::dup(STDERR_FILENO);
        ::dup2(::fileno(m_file), STDERR_FILENO);
    }
    ~StderrCapture()
    {
        restore();
        std::fclose(m_file);
    }
    std::string text()
    {
        restore();
        std::rewind(m_file);
        std::string all;
        char buffer[4096];
        while (const auto n = std::fread(buffer, 1, sizeof buffer, m_file))
            all.append(buffer, n);
        return all;
    }

private:
    void restore()
    {
        if (m_saved < 0)
            return;
        std::fflush(stderr);
        ::dup2(m_saved, STDERR_FILENO);
        ::close(m_saved);
        m_saved = -1;
    }
    std::FILE* m_file;
    int m_saved = -1;
};

} // namespace

TEST_CASE("MQTTClient connect")
{
    SECTION("connects to a running broker")
    {
        mqtt::LoopbackBroker broker;
        mqtt::MQTTClient client;
        CHECK(client.connect(broker.host(), broker.port()));
        CHECK(client.isConnected());
        CHECK(client.getLocalAddress() == "127.0.0.1");
        client.disconnect();
        CHECK_FALSE(client.isConnected());
    }
    SECTION("fails fast with a reason when nothing listens on the port")
    {
        const int port = mqtt::LoopbackBroker::freePort();
        mqtt::MQTTClient client;
        client.setConnectTimeout(3s);
        const auto start = std::chrono::steady_clock::now();
        CHECK_FALSE(client.connect("127.0.0.1", port));
        CHECK(std::chrono::steady_clock::now() - start < 3s);
        CHECK_FALSE(client.getLastError().empty());
        CHECK_FALSE(client.isConnected());
    }
    SECTION("fails within the timeout when the host does not answer")
    {
        // A listening socket that never accepts: TCP connects, the MQTT handshake never completes.
        const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        REQUIRE(::listen(fd, 1) == 0);
        socklen_t length = sizeof address;
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length);

        mqtt::MQTTClient client;
        client.setConnectTimeout(300ms);
        const auto start = std::chrono::steady_clock::now();
        CHECK_FALSE(client.connect("127.0.0.1", ntohs(address.sin_port)));
        const auto took = std::chrono::steady_clock::now() - start;
        CHECK(took >= 300ms);
        CHECK(took < 5s);
        CHECK_THAT(client.getLastError(), Catch::Contains("no answer"));
        ::close(fd);
    }
    SECTION("rejects a bad login and accepts the right one")
    {
        mqtt::LoopbackBroker::Options options;
        options.users = {{"alice", "s3cret"}};
        mqtt::LoopbackBroker broker(options);

        mqtt::MQTTClient wrong(nullptr, "alice", "wrong");
        CHECK_FALSE(wrong.connect(broker.host(), broker.port()));
        CHECK_THAT(wrong.getLastError(), Catch::Contains("not authorised"));

        mqtt::MQTTClient anonymous;
        CHECK_FALSE(anonymous.connect(broker.host(), broker.port()));

        mqtt::MQTTClient right(nullptr, "alice", "s3cret");
        CHECK(right.connect(broker.host(), broker.port()));
    }
    SECTION("refuses a keepalive below 5 s")
    {
        mqtt::MQTTClient client;
        // Refused before any connection is tried; the port is nobody's anyway, never :1883.
        CHECK_FALSE(client.connect("127.0.0.1", mqtt::LoopbackBroker::freePort(), 2));
        CHECK_THAT(client.getLastError(), Catch::Contains("keepalive"));
    }
}

TEST_CASE("MQTTClient publish and subscribe")
{
    mqtt::LoopbackBroker broker;
    Receiver receiver;
    REQUIRE(receiver.client.connect(broker.host(), broker.port()));
    mqtt::MQTTClient sender;
    REQUIRE(sender.connect(broker.host(), broker.port()));

    SECTION("text, int and float payloads at qos 0, 1 and 2")
    {
        REQUIRE(receiver.client.subscribe("game/#", 2));
        for (int qos = 0; qos <= 2; ++qos)
        {
            const std::string topic = "game/qos" + std::to_string(qos);
            CHECK(sender.publish(topic, "hello", qos));
            CHECK(sender.publish(topic, 42, qos));
            CHECK(sender.publish(topic, 2.5, qos));
            CHECK(sender.publish(topic, 0.1, qos));
        }
        REQUIRE(receiver.inbox.waitForCount(12));
        const auto messages = receiver.inbox.items();
        for (int qos = 0; qos <= 2; ++qos)
        {
            const std::string topic = "game/qos" + std::to_string(qos);
            for (const char* text : {"hello", "42", "2.5", "0.1"})
                CHECK(std::count(messages.begin(), messages.end(), Message{topic, text}) == 1);
        }
    }
    SECTION("messages from one sender at qos 1 arrive in order and complete")
    {
        REQUIRE(receiver.client.subscribe("order", 1));
        for (int i = 0; i < 500; ++i)
            REQUIRE(sender.publish("order", i, 1));
        REQUIRE(receiver.inbox.waitForCount(500, 20s));
        const auto messages = receiver.inbox.items();
        for (int i = 0; i < 500; ++i)
            CHECK(messages[static_cast<std::size_t>(i)].second == std::to_string(i));
    }
    SECTION("subscribe to a list of (topic, qos) pairs")
    {
        REQUIRE(receiver.client.subscribe({{"a", 0}, {"b", 1}, {"c/+", 2}}));
        CHECK(sender.publish("a", "1"));
        CHECK(sender.publish("b", "2", 1));
        CHECK(sender.publish("c/x", "3", 2));
        CHECK(sender.publish("d", "not subscribed"));
        CHECK(sender.publish("c/y", "4"));
        CHECK(sender.publish("c/z", "last", 2));
        REQUIRE(receiver.inbox.waitFor({"c/z", "last"}));
        // qos 2 messages are released after a handshake, so arrival order across qos levels varies.
        auto messages = receiver.inbox.items();
        std::sort(messages.begin(), messages.end());
        CHECK(messages == std::vector<Message>{{"a", "1"}, {"b", "2"}, {"c/x", "3"}, {"c/y", "4"}, {"c/z", "last"}});
    }
    SECTION("retained messages reach later subscribers")
    {
        CHECK(sender.publish("status", "online", 1, true));
        // The retained message is stored once the broker has processed it; a qos 1 marker from the
        // same connection after it proves that (a connection's packets are handled in order).
        Receiver marker;
        REQUIRE(marker.client.connect(broker.host(), broker.port()));
        REQUIRE(marker.client.subscribe("marker", 1));
        CHECK(sender.publish("marker", "after", 1));
        REQUIRE(marker.inbox.waitForCount(1));
        REQUIRE(receiver.client.subscribe("status"));
        REQUIRE(receiver.inbox.waitFor({"status", "online"}));
    }
    SECTION("unsubscribe stops delivery")
    {
        REQUIRE(receiver.client.subscribe("x"));
        REQUIRE(receiver.client.subscribe("y"));
        CHECK(sender.publish("x", "before"));
        REQUIRE(receiver.inbox.waitFor({"x", "before"}));
        REQUIRE(receiver.client.unsubscribe("x"));
        CHECK(sender.publish("x", "after"));
        CHECK(sender.publish("y", "marker"));
        REQUIRE(receiver.inbox.waitFor({"y", "marker"}));
        const auto messages = receiver.inbox.items();
        CHECK(std::count(messages.begin(), messages.end(), Message{"x", "after"}) == 0);
    }
    SECTION("a client without a callback publishes only")
    {
        mqtt::MQTTClient publisher;
        REQUIRE(publisher.connect(broker.host(), broker.port()));
        CHECK(publisher.subscribe("self"));
        CHECK(publisher.publish("self", "to nobody"));
        REQUIRE(receiver.client.subscribe("self"));
        CHECK(publisher.publish("self", "seen"));
        REQUIRE(receiver.inbox.waitFor({"self", "seen"}));
    }
    SECTION("invalid requests return false with a reason")
    {
        CHECK_FALSE(sender.publish("bad/#", "x"));
        CHECK_THAT(sender.getLastError(), Catch::Contains("topic"));
        CHECK_FALSE(sender.publish("ok", "x", 3));
        CHECK_THAT(sender.getLastError(), Catch::Contains("qos"));
        CHECK_FALSE(sender.subscribe("bad#", 0));
        CHECK_FALSE(sender.subscribe("ok", -1));
        mqtt::MQTTClient unconnected;
        CHECK_FALSE(unconnected.publish("ok", "x"));
        CHECK(unconnected.getLastError() == "not connected");
    }
}

TEST_CASE("MQTTClient verbose output")
{
    mqtt::LoopbackBroker::Options options;
    options.users = {{"bob", "hunter2-secret"}};
    mqtt::LoopbackBroker broker(options);

    SECTION("logs with a prefix and never shows the password")
    {
        StderrCapture capture;
        {
            mqtt::MQTTClient client(nullptr, "bob", "hunter2-secret");
            client.setVerbose(true);
            REQUIRE(client.connect(broker.host(), broker.port()));
            client.publish("t", "x");
            mqtt::MQTTClient wrong(nullptr, "bob", "hunter2-secret-wrong");
            wrong.setVerbose(true);
            CHECK_FALSE(wrong.connect(broker.host(), broker.port()));
        }
        const std::string text = capture.text();
        CHECK_THAT(text, Catch::Contains("[mqtt] connecting to 127.0.0.1:"));
        CHECK_THAT(text, Catch::Contains("[mqtt] published to 't'"));
        CHECK(text.find("hunter2") == std::string::npos);
    }
    SECTION("is silent when off")
    {
        StderrCapture capture;
        {
            mqtt::MQTTClient client(nullptr, "bob", "hunter2-secret");
            REQUIRE(client.connect(broker.host(), broker.port()));
        }
        CHECK(capture.text().empty());
    }
}

TEST_CASE("MQTTClient connecting again while connected says goodbye first: no will")
{
    mqtt::LoopbackBroker broker;
    testsupport::Inbox<std::string> wills;
    mqtt::MQTTClient watcher([&](const std::string&, const std::string& text) { wills.push(text); });
    REQUIRE(watcher.connect(broker.host(), broker.port()));
    REQUIRE(watcher.subscribe("wills"));
    mqtt::MQTTClient client;
    client.setWill("wills", "gone without a word");
    REQUIRE(client.connect(broker.host(), broker.port()));
    REQUIRE(client.connect(broker.host(), broker.port())); // again, on the same client
    REQUIRE(client.publish("wills", "marker"));
    REQUIRE(wills.waitFor("marker"));
    CHECK(wills.items() == std::vector<std::string>{"marker"});
}
