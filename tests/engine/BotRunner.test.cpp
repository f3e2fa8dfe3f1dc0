#include <catch2/catch.hpp>

#include <chrono>

#include <mqttgames/engine/BotRunner.hpp>

using namespace std::chrono_literals;

namespace
{

// Drains the queue until `done` holds or the deadline passes.
template <typename Predicate>
bool drainUntil(const mqtt::EventQueue& queue, Predicate done, std::chrono::milliseconds timeout = 5000ms)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done())
    {
        mqtt::EventQueue::Call call;
        if (queue.waitPop(call, 50ms))
            call();
        if (std::chrono::steady_clock::now() > deadline)
            return done();
    }
    return true;
}

} // namespace

TEST_CASE("engine::BotRunner")
{
    mqtt::EventQueue queue;
    engine::BotRunner runner(queue);
    std::optional<std::string> answer;

    SECTION("the answer arrives through the queue, on the draining thread")
    {
        runner.start([](const engine::BotControl&) { return std::string("5"); }, 1000ms,
                     [&answer](const engine::Action& action) { answer = std::get<std::string>(action); });
        CHECK(runner.isRunning());
        REQUIRE(drainUntil(queue, [&] { return answer.has_value(); }));
        CHECK(*answer == "5");
        CHECK_FALSE(runner.isRunning());
    }

    SECTION("a search that uses its whole budget stops at the deadline")
    {
        const auto started = std::chrono::steady_clock::now();
        runner.start(
            [](const engine::BotControl& control)
            {
                long spins = 0;
                while (!control.shouldStop())
                    ++spins;
                return std::to_string(spins > 0);
            },
            100ms, [&answer](const engine::Action& action) { answer = std::get<std::string>(action); });
        REQUIRE(drainUntil(queue, [&] { return answer.has_value(); }));
        CHECK(std::chrono::steady_clock::now() - started < 3000ms);
        CHECK(*answer == "1");
    }

    SECTION("a cancelled search delivers nothing")
    {
        runner.start(
            [](const engine::BotControl& control)
            {
                while (!control.shouldStop())
                {
                }
                return std::string("late");
            },
            60s, [&answer](const engine::Action& action) { answer = std::get<std::string>(action); });
        runner.cancel(); // joins: the search saw the flag
        CHECK_FALSE(runner.isRunning());
        queue.drain();
        CHECK_FALSE(answer);
    }
}
