// Time controls and the two clocks of a round, with times given by the test.
#include <catch2/catch.hpp>

#include <mqttgames/engine/RoundClock.hpp>
#include <mqttgames/engine/TimeControl.hpp>

using namespace std::chrono_literals;
using engine::Turn;

namespace
{
engine::TimeControl parsed(const std::string& text)
{
    std::string error;
    const auto control = engine::TimeControl::parse(text, error);
    INFO(error);
    REQUIRE(control);
    CHECK(error.empty());
    return *control;
}
} // namespace

TEST_CASE("Time controls read and write back")
{
    CHECK(parsed("5m+3s").bank == 5min);
    CHECK(parsed("5m+3s").increment == 3s);
    CHECK(parsed("5m+3s").text() == "5m+3s");
    CHECK(parsed("1m30s").bank == 90s);
    CHECK(parsed("1m30s").text() == "1m30s");
    CHECK(parsed("90s+0s").text() == "1m30s");
    CHECK(parsed("1h").text() == "1h");
    CHECK(parsed("30s/move").perMove == 30s);
    CHECK(parsed("30s/move").text() == "30s/move");
    CHECK(parsed("none").isNone());
    CHECK(parsed("").isNone());
    CHECK(engine::TimeControl{}.text() == "none");
    for (const char* bad : {"5", "m", "5x", "3s5m", "0s", "5m+", "+3s", "25h", "5m+3s+1s", "0s/move", "5 m", "-5m", "1000000s"})
    {
        std::string error;
        INFO(bad);
        CHECK_FALSE(engine::TimeControl::parse(bad, error));
        CHECK(error.find("no time control") != std::string::npos);
    }
}

TEST_CASE("The clock of the side to move runs, the increment comes after each move")
{
    const auto start = std::chrono::steady_clock::time_point{} + 1h;
    engine::RoundClock clock(parsed("1m+2s"));
    CHECK(clock.remaining(Turn::Local, start) == 1min);
    CHECK_FALSE(clock.deadline());
    clock.run(Turn::Local, start);
    CHECK(clock.remaining(Turn::Local, start + 10s) == 50s);
    CHECK(clock.remaining(Turn::Remote, start + 10s) == 1min);
    CHECK(clock.deadline() == start + 1min);
    clock.run(Turn::Remote, start + 10s); // we moved: +2 s
    CHECK(clock.remaining(Turn::Local, start + 30s) == 52s);
    CHECK(clock.remaining(Turn::Remote, start + 30s) == 40s);
    clock.run(Turn::Remote, start + 30s); // the same side again: nothing changes
    CHECK(clock.remaining(Turn::Remote, start + 30s) == 40s);
    clock.run(Turn::None, start + 70s); // the round ended; a clock that ran out gets no increment
    CHECK(clock.remaining(Turn::Remote, start + 2h) == 0s);
    CHECK_FALSE(clock.deadline());
    CHECK(engine::RoundClock::format(52s) == "0:52");
    CHECK(engine::RoundClock::format(4min + 5s) == "4:05");
    CHECK(engine::RoundClock::format(1500ms) == "0:02"); // rounded up, as clocks show
    CHECK(engine::RoundClock::format(-3s) == "0:00");
}

TEST_CASE("Under a limit per move each turn starts with the limit")
{
    const auto start = std::chrono::steady_clock::time_point{} + 1h;
    engine::RoundClock clock(parsed("30s/move"));
    clock.run(Turn::Remote, start);
    clock.run(Turn::Local, start + 25s);
    CHECK(clock.remaining(Turn::Local, start + 35s) == 20s);
    clock.run(Turn::Remote, start + 35s);
    CHECK(clock.remaining(Turn::Remote, start + 35s) == 30s);
    CHECK(clock.deadline() == start + 65s);
}
