#include <mqttgames/testing/FaultProxy.hpp>
#include <mqttgames/mqtt/GameClient.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include "support/TestPlayer.hpp"

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include <memory>
#include <thread>

using namespace std::chrono_literals;
using mqtt::GameState;
using testsupport::Inbox;

namespace
{

struct Player : testsupport::TestPlayer
{
    explicit Player(const std::string& name) : TestPlayer(name, "test/resume")
    {
        client->setKeepalive(5);
        client->setVerbose(std::getenv("VERBOSE") != nullptr);
    }

    /// Waits until the state changes have been exactly `expected` so far, in order.
    bool saw(const std::vector<GameState>& expected, std::chrono::milliseconds timeout = 15s)
    {
        const bool ok = states.waitForCount(expected.size(), timeout) && states.items() == expected;
        if (!ok)
            for (auto state : states.items())
                UNSCOPED_INFO(mqtt::toString(state));
        return ok;
    }
};

const std::vector<GameState> paired{GameState::Connecting, GameState::Connected, GameState::Ready};

// A socket, closed on every path (a failed REQUIRE included).
class Fd
{
public:
    explicit Fd(int fd) : m_fd(fd) {}
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    int get() const { return m_fd; }
    explicit operator bool() const { return m_fd >= 0; }

private:
    int m_fd;
};

} // namespace

TEST_CASE("FaultProxy")
{
    mqtt::LoopbackBroker broker;
    mqtt::FaultProxy proxy(broker.host(), broker.port());
    Inbox<bool> links;
    Inbox<std::string> received;
    mqtt::MQTTClient client([&](const std::string&, const std::string& text) { received.push(text); });
    client.setConnectionCallback([&](bool connected, const std::string&) { links.push(connected); });
    client.setConnectTimeout(2s);

    SECTION("forwards a connection to the broker")
    {
        REQUIRE(client.connect(proxy.host(), proxy.port()));
        REQUIRE(client.subscribe("t"));
        REQUIRE(client.publish("t", "through the proxy"));
        CHECK(received.waitFor("through the proxy"));
        CHECK(proxy.connectionCount() == 1);
    }
    SECTION("a cut connection is made again by the client, with its subscriptions")
    {
        REQUIRE(client.connect(proxy.host(), proxy.port()));
        REQUIRE(client.subscribe("t"));
        proxy.cut();
        REQUIRE(links.waitForCount(3, 10s));
        CHECK(links.items() == std::vector<bool>{true, false, true});
        CHECK(proxy.connectionCount() == 2);
        REQUIRE(client.publish("t", "after the cut"));
        CHECK(received.waitFor("after the cut"));
    }
    SECTION("garbage from the broker (a malformed packet) ends the connection, which is made again")
    {
        REQUIRE(client.connect(proxy.host(), proxy.port()));
        REQUIRE(client.subscribe("t"));
        proxy.setGarbling(true);
        mqtt::MQTTClient other;
        REQUIRE(other.connect(broker.host(), broker.port()));
        REQUIRE(other.publish("t", "garbled on the way"));
        REQUIRE(links.waitForCount(2, 10s));
        CHECK_THAT(client.getLastError(), Catch::Contains("connection lost"));
        CHECK_FALSE(client.isConnected());
        proxy.setGarbling(false);
        REQUIRE(links.waitForCount(3, 20s)); // the loop goes on: attempts until one gets through
        CHECK(links.items() == std::vector<bool>{true, false, true});
        REQUIRE(client.publish("t", "after the garbage")); // after its subscription, on the same connection
        CHECK(received.waitFor("after the garbage"));
        CHECK(received.items() == std::vector<std::string>{"after the garbage"});
    }
    SECTION("a broker that does not answer: connect fails in time, and works once it answers")
    {
        proxy.stall();
        client.setConnectTimeout(500ms);
        CHECK_FALSE(client.connect(proxy.host(), proxy.port()));
        CHECK_THAT(client.getLastError(), Catch::Contains("no answer"));
        proxy.resume();
        CHECK(client.connect(proxy.host(), proxy.port()));
    }
    SECTION("refused connections fail fast")
    {
        proxy.setRefusing(true);
        CHECK_FALSE(client.connect(proxy.host(), proxy.port()));
        CHECK_FALSE(client.getLastError().empty());
    }
    SECTION("a delay holds messages back without losing them")
    {
        REQUIRE(client.connect(proxy.host(), proxy.port()));
        REQUIRE(client.subscribe("t"));
        proxy.setDelay(150ms);
        const auto start = std::chrono::steady_clock::now();
        REQUIRE(client.publish("t", "slow"));
        REQUIRE(received.waitFor("slow"));
        CHECK(std::chrono::steady_clock::now() - start >= 300ms); // there and back
    }
    SECTION("a delay delivers a connection's last bytes before passing its close on")
    {
        // The last message and the DISCONNECT after it are read together with the close; all three
        // are held back, then delivered in order.
        Inbox<std::string> seen;
        mqtt::MQTTClient watcher([&](const std::string&, const std::string& text) { seen.push(text); });
        REQUIRE(watcher.connect(broker.host(), broker.port()));
        REQUIRE(watcher.subscribe("t"));
        REQUIRE(client.connect(proxy.host(), proxy.port()));
        proxy.setDelay(150ms);
        const auto start = std::chrono::steady_clock::now();
        REQUIRE(client.publish("t", "last words"));
        client.disconnect();
        REQUIRE(seen.waitFor("last words"));
        CHECK(std::chrono::steady_clock::now() - start >= 150ms);
    }
    SECTION("a write that would block waits for room instead of spinning, and loses nothing")
    {
        // A target that accepts and does not read: the proxy's writes to it soon block.
        Fd listener(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::bind(listener.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        REQUIRE(::listen(listener.get(), 1) == 0);
        socklen_t length = sizeof address;
        ::getsockname(listener.get(), reinterpret_cast<sockaddr*>(&address), &length);
        mqtt::FaultProxy blocked("127.0.0.1", ntohs(address.sin_port));

        Fd sender(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
        sockaddr_in proxyAddress{};
        proxyAddress.sin_family = AF_INET;
        proxyAddress.sin_port = htons(static_cast<std::uint16_t>(blocked.port()));
        proxyAddress.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(::connect(sender.get(), reinterpret_cast<sockaddr*>(&proxyAddress), sizeof proxyAddress) == 0);
        Fd target(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
        REQUIRE(target);

        // Far more than the kernel buffers between the proxy and the target hold; the proxy reads
        // it all from the sender, so these blocking sends finish.
        std::string bytes(16 * 1024 * 1024, '\0');
        for (std::size_t i = 0; i < bytes.size(); ++i)
            bytes[i] = static_cast<char>(i * 7 % 251);
        for (std::size_t sent = 0; sent < bytes.size();)
        {
            const auto n = ::send(sender.get(), bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
            REQUIRE(n > 0);
            sent += static_cast<std::size_t>(n);
        }

        // Nothing else runs in this process now (no MQTT client here): what CPU time it uses over
        // this window is the proxy's, waiting on a full socket. Spinning on EAGAIN took all of it.
        const auto cpuTime = []
        {
            timespec now{};
            ::clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &now);
            return std::chrono::seconds(now.tv_sec) + std::chrono::nanoseconds(now.tv_nsec);
        };
        const auto cpuBefore = cpuTime();
        const auto wallBefore = std::chrono::steady_clock::now();
        std::this_thread::sleep_for(500ms); // a window to measure over, not a wait for anything
        const auto cpu = cpuTime() - cpuBefore;
        const auto wall = std::chrono::steady_clock::now() - wallBefore;
        INFO("CPU " << std::chrono::duration_cast<std::chrono::milliseconds>(cpu).count() << " ms over "
                    << std::chrono::duration_cast<std::chrono::milliseconds>(wall).count() << " ms");
        CHECK(cpu < wall / 5);

        // Once the target reads, every byte arrives, in order.
        std::string received;
        received.reserve(bytes.size());
        const auto deadline = std::chrono::steady_clock::now() + 30s;
        while (received.size() < bytes.size() && std::chrono::steady_clock::now() < deadline)
        {
            pollfd readable{target.get(), POLLIN, 0};
            if (::poll(&readable, 1, 1000) != 1)
                continue;
            char buffer[65536];
            const auto n = ::recv(target.get(), buffer, sizeof buffer, 0);
            if (n <= 0)
                break;
            received.append(buffer, static_cast<std::size_t>(n));
        }
        CHECK(received.size() == bytes.size());
        CHECK((received == bytes));
    }
}

TEST_CASE("GameClient survives faults")
{
    mqtt::LoopbackBroker broker;

    SECTION("the broker restarts mid-game: both come back to the same partner and go on")
    {
        Player ann("Ann"), bob("Bob");
        REQUIRE(ann.client->connect(broker.host(), broker.port()));
        REQUIRE(bob.client->connect(broker.host(), broker.port()));
        REQUIRE(ann.saw(paired));
        REQUIRE(bob.saw(paired));
        const std::string bobId = bob.client->getId();

        broker.stop();
        REQUIRE(ann.states.waitFor(GameState::Disconnected));
        REQUIRE(bob.states.waitFor(GameState::Disconnected));
        broker.start();

        auto resumed = paired;
        resumed.insert(resumed.end(), {GameState::Disconnected, GameState::Ready});
        REQUIRE(ann.saw(resumed, 20s));
        REQUIRE(bob.saw(resumed, 20s));
        CHECK(ann.client->getPartnerId() == bobId);
        CHECK(ann.client->sendMessage("move after restart"));
        CHECK(bob.messages.waitFor("move after restart"));
    }
    SECTION("our connection is cut: the partner sees us go through the will, and we come back")
    {
        mqtt::FaultProxy proxy(broker.host(), broker.port());
        Player ann("Ann"), bob("Bob");
        REQUIRE(ann.client->connect(proxy.host(), proxy.port()));
        REQUIRE(bob.client->connect(broker.host(), broker.port()));
        REQUIRE(ann.saw(paired));
        REQUIRE(bob.saw(paired));

        CHECK(ann.client->hasBrokerConnection());
        proxy.cut();
        REQUIRE(ann.states.waitFor(GameState::Disconnected));
        CHECK(bob.client->hasBrokerConnection());
        auto resumed = paired;
        resumed.insert(resumed.end(), {GameState::Disconnected, GameState::Ready});
        REQUIRE(bob.saw(resumed, 20s));
        REQUIRE(ann.saw(resumed, 20s));
        CHECK(bob.client->sendMessage("welcome back"));
        CHECK(ann.messages.waitFor("welcome back"));
        CHECK(ann.client->getPartnerName() == "Bob");
    }
    SECTION("a partner whose network is silently cut is seen as gone after 1.5 to 2.5 x its keepalive")
    {
        // What the README promises. The broker counts from the partner's last packet: mosquitto
        // 2.0.11 drops a client once more than 1.5 x keepalive whole seconds passed since it, checked
        // every 5 s or so, and sends its will. So the network is cut right after a packet of the
        // partner's (a message, seen arriving), and the time is taken from just before that packet
        // leaves, never after the broker saw it. Cut at any other moment, up to a keepalive after
        // the partner's last ping, it is seen up to that much sooner: 0.8 to 1.7 x keepalive 10 s
        // were measured (1.55 to 2.1 x as here). Keepalive 10 s: with 5 s, whose 1.5 x mosquitto
        // rounds down to 7 s and then checks every 5 s or so, 1.4 to 2.6 x were measured.
        constexpr int Keepalive = 10;
        mqtt::FaultProxy proxy(broker.host(), broker.port());
        Player ann("Ann"), bob("Bob");
        ann.client->setKeepalive(Keepalive);
        REQUIRE(ann.client->connect(proxy.host(), proxy.port()));
        REQUIRE(bob.client->connect(broker.host(), broker.port()));
        REQUIRE(bob.saw(paired));

        const auto lastPacket = std::chrono::steady_clock::now();
        REQUIRE(ann.client->sendMessage("last words"));
        REQUIRE(bob.messages.waitFor("last words"));
        proxy.stall();
        REQUIRE(bob.states.waitFor(GameState::Disconnected, std::chrono::seconds(3 * Keepalive + 10)));
        const auto seenAfter = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - lastPacket);
        INFO("partner seen gone " << seenAfter.count() << " ms after its last packet (keepalive " << Keepalive << " s)");
        CHECK(seenAfter >= std::chrono::milliseconds(1500 * Keepalive));
        CHECK(seenAfter <= std::chrono::milliseconds(2500 * Keepalive));
        proxy.resume();
        CHECK(bob.states.waitFor(GameState::Ready, 20s));
        CHECK(ann.client->getState() != GameState::Idle);
    }
}
