#include <mqttgames/mqtt/EventQueue.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace std::chrono_literals;

TEST_CASE("EventQueue")
{
    mqtt::EventQueue queue;

    SECTION("a call that throws is reported and skipped; the calls after it in the batch still run")
    {
        std::vector<int> ran;
        queue.push([&] { ran.push_back(1); });
        queue.push([] { throw std::runtime_error("broken callback"); });
        queue.push([] { throw 42; });
        queue.push([&] { ran.push_back(4); });
        CHECK_NOTHROW(queue.drain());
        CHECK(ran == std::vector<int>{1, 4});
        CHECK(queue.failures() == 2);

        mqtt::EventQueue::Call call;
        queue.push([] { throw std::logic_error("taken alone"); });
        REQUIRE(queue.tryPop(call));
        CHECK_NOTHROW(queue.run(call));
        CHECK(queue.failures() == 3);
    }

    SECTION("runs posted calls on the draining thread, in order, with copied arguments")
    {
        std::vector<std::string> seen;
        auto post = queue.post([&](const std::string& topic, const std::string& text) { seen.push_back(topic + ":" + text); });
        {
            std::string temporary = "first";
            post("t", temporary);
            temporary = "changed"; // the queued call holds its own copy
        }
        post("t", "second");
        CHECK(seen.empty());
        CHECK(queue.size() == 2);
        CHECK(queue.drain() == 2);
        CHECK(seen == std::vector<std::string>{"t:first", "t:second"});
        CHECK(queue.drain() == 0);
    }
    SECTION("tryPop takes nothing from an empty queue and the oldest call otherwise")
    {
        mqtt::EventQueue::Call call;
        CHECK_FALSE(queue.tryPop(call));
        int value = 0;
        queue.push([&] { value = 1; });
        queue.push([&] { value = 2; });
        REQUIRE(queue.tryPop(call));
        call();
        CHECK(value == 1);
    }
    SECTION("waitPop returns false at its deadline and true when a call arrives from another thread")
    {
        mqtt::EventQueue::Call call;
        CHECK_FALSE(queue.waitPop(call, 10ms));
        std::thread producer([&] { queue.push([] {}); });
        CHECK(queue.waitPop(call, 5s));
        producer.join();
    }
    SECTION("calls queued during a drain wait for the next drain")
    {
        int runs = 0;
        queue.push([&] { ++runs; queue.push([&] { ++runs; }); });
        CHECK(queue.drain() == 1);
        CHECK(runs == 1);
        CHECK(queue.drain() == 1);
        CHECK(runs == 2);
    }
    SECTION("a wrapper outlives its queue object")
    {
        std::function<void(int)> wrapper;
        int got = 0;
        {
            mqtt::EventQueue shortLived;
            wrapper = shortLived.post([&](int n) { got = n; });
        }
        wrapper(5); // must not crash: the shared state is kept alive by the wrapper
        CHECK(got == 0);
    }
    SECTION("many producers: nothing lost, each producer's calls in its own order")
    {
        constexpr int producers = 8;
        constexpr int perProducer = 2000;
        std::vector<int> lastSeen(producers, -1);
        std::atomic<int> outOfOrder{0};
        int total = 0;
        auto post = queue.post(
            [&](int producer, int index)
            {
                if (index != lastSeen[static_cast<std::size_t>(producer)] + 1)
                    ++outOfOrder;
                lastSeen[static_cast<std::size_t>(producer)] = index;
                ++total;
            });
        std::vector<std::thread> threads;
        for (int p = 0; p < producers; ++p)
            threads.emplace_back([&, p] { for (int i = 0; i < perProducer; ++i) post(p, i); });
        const auto deadline = std::chrono::steady_clock::now() + 20s;
        while (total < producers * perProducer && std::chrono::steady_clock::now() < deadline)
        {
            mqtt::EventQueue::Call call;
            if (queue.waitPop(call, 100ms))
                call();
        }
        for (auto& thread : threads)
            thread.join();
        queue.drain();
        CHECK(total == producers * perProducer);
        CHECK(outOfOrder == 0);
    }
    SECTION("holds at most its capacity; what is beyond is dropped and counted")
    {
        mqtt::EventQueue small(3);
        int ran = 0;
        for (int i = 0; i < 5; ++i)
            CHECK(small.push([&] { ++ran; }) == (i < 3));
        CHECK(small.size() == 3);
        CHECK(small.dropped() == 2);
        CHECK(small.drain() == 3);
        CHECK(ran == 3);
        CHECK(small.push([&] { ++ran; })); // room again once drained
        CHECK(small.dropped() == 2);
    }
}
