#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include <mqttgames/engine/Loop.hpp>

using namespace std::chrono_literals;

TEST_CASE("engine::Loop")
{
    mqtt::EventQueue queue;
    engine::Loop loop(queue);

    SECTION("a step runs every posted call, and no more")
    {
        int ran = 0;
        for (int i = 0; i < 3; ++i)
            queue.push([&ran] { ++ran; });
        CHECK(loop.step(0ms) == 3);
        CHECK(ran == 3);
        CHECK(loop.step(0ms) == 0);
    }
    SECTION("a step sleeps until a call is posted from another thread")
    {
        bool ran = false;
        std::thread poster([&queue, &ran] { queue.push([&ran] { ran = true; }); });
        const auto start = std::chrono::steady_clock::now();
        std::size_t calls = 0;
        while (calls == 0 && std::chrono::steady_clock::now() - start < 10s)
            calls += loop.step(10s);
        poster.join();
        CHECK(calls == 1);
        CHECK(ran);
        CHECK(std::chrono::steady_clock::now() - start < 9s); // woken by the call, not the idle time
    }
    SECTION("a step ends at the wake-up it is given, long before its idle time")
    {
        const auto start = std::chrono::steady_clock::now();
        CHECK(loop.step(30s, start + 20ms) == 0);
        const auto slept = std::chrono::steady_clock::now() - start;
        CHECK(slept >= 20ms);
        CHECK(slept < 20s);
        CHECK_FALSE(loop.nextWake()); // no seats
    }
}
