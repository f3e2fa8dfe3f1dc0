#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>
#include <mqttgames/mqtt/Reactor.hpp>

#include "support/Waiting.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <memory>
#include <thread>
#include <vector>

using namespace std::chrono_literals;
using testsupport::Inbox;

namespace
{

std::size_t threadCount()
{
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator("/proc/self/task"))
        ++count;
    return count;
}

} // namespace

TEST_CASE("Reactor")
{
    auto reactor = std::make_shared<mqtt::Reactor>();

    SECTION("runs posted tasks in order, on its own thread")
    {
        Inbox<int> ran;
        std::thread::id thread;
        CHECK_FALSE(reactor->onThread());
        for (int i = 0; i < 100; ++i)
            reactor->post([&, i]
                          {
                              if (i == 0)
                                  thread = std::this_thread::get_id();
                              ran.push(reactor->onThread() ? i : -1);
                          });
        REQUIRE(ran.waitForCount(100));
        std::vector<int> expected(100);
        for (int i = 0; i < 100; ++i)
            expected[static_cast<std::size_t>(i)] = i;
        CHECK(ran.items() == expected);
        CHECK(thread != std::this_thread::get_id());
    }
    SECTION("fires timers in the order of their deadlines; a cancelled one never fires")
    {
        Inbox<std::string> fired;
        reactor->post(
            [&]
            {
                reactor->after(60ms, [&] { fired.push("late"); });
                const auto cancelled = reactor->after(30ms, [&] { fired.push("cancelled"); });
                reactor->after(10ms, [&] { fired.push("early"); });
                reactor->after(0ms, [&] { fired.push("at once"); });
                reactor->cancel(cancelled);
            });
        REQUIRE(fired.waitForCount(3));
        reactor->post([&] { reactor->after(70ms, [&] { fired.push("marker"); }); });
        REQUIRE(fired.waitFor("marker"));
        CHECK(fired.items() == std::vector<std::string>{"at once", "early", "late", "marker"});
    }
    SECTION("one thread for many clients")
    {
        mqtt::LoopbackBroker broker;
        const std::size_t before = threadCount();
        std::vector<std::unique_ptr<mqtt::MQTTClient>> clients;
        for (int i = 0; i < 200; ++i)
        {
            clients.push_back(std::make_unique<mqtt::MQTTClient>(nullptr, "", "", reactor));
            REQUIRE(clients.back()->connect(broker.host(), broker.port()));
        }
        CHECK(threadCount() == before);
        Inbox<std::string> received;
        mqtt::MQTTClient last([&](const std::string&, const std::string& text) { received.push(text); }, "", "", reactor);
        REQUIRE(last.connect(broker.host(), broker.port()));
        REQUIRE(last.subscribe("all"));
        for (auto& client : clients)
            REQUIRE(client->publish("all", "x"));
        CHECK(received.waitForCount(200));
        CHECK(threadCount() == before);
    }
}
