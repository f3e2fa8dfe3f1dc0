// Ending the launcher from outside: every signal ends it at once, and no private broker outlives it.
#include <catch2/catch.hpp>

#include <chrono>

#include "support/LauncherProcess.hpp"

using namespace std::chrono_literals;
using Clock = std::chrono::steady_clock;

namespace
{

// The signals a user or a desktop sends to end a program, with their names for the report.
const std::pair<int, const char*> EndingSignals[] = {{SIGINT, "SIGINT"}, {SIGTERM, "SIGTERM"}, {SIGHUP, "SIGHUP"}};

} // namespace

TEST_CASE("launcher in the terminal: signals")
{
    for (const auto& [signal, name] : EndingSignals)
    {
        DYNAMIC_SECTION(name << " mid-game, while it waits for the player's move on an open stdin: gone within 0.5 s with its broker")
        {
            auto launcher = testsupport::startLauncher(MQTTGAMES_EXECUTABLE, testsupport::Screen::Terminal, testsupport::deadPort(), {"tictactoe", "--headless"});
            REQUIRE(testsupport::waitForOutput(launcher, "-- round 1"));
            const auto broker = testsupport::privateBroker(launcher.pid());
            REQUIRE(broker);

            const auto sent = Clock::now();
            launcher.kill(signal);
            const auto status = launcher.wait(5s);
            const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - sent);
            INFO("exit took " << took.count() << " ms");
            REQUIRE(status);
            CHECK(*status == 130);
            CHECK(took < 500ms);
            // The launcher stops its broker before it exits.
            CHECK(testsupport::processEnds(*broker, 100ms));
        }
    }

    SECTION("killed outright (SIGKILL) or crashed (SIGSEGV), it leaves no broker behind")
    {
        for (const int signal : {SIGKILL, SIGSEGV})
        {
            auto launcher = testsupport::startLauncher(MQTTGAMES_EXECUTABLE, testsupport::Screen::Terminal, testsupport::deadPort(), {"tictactoe", "--headless"});
            REQUIRE(testsupport::waitForOutput(launcher, "-- round 1"));
            const auto broker = testsupport::privateBroker(launcher.pid());
            REQUIRE(broker);
            const pid_t pid = launcher.pid();
            launcher.kill(signal);
            INFO("signal " << signal);
            REQUIRE(testsupport::processEnds(pid, 5s));
            CHECK(testsupport::processEnds(*broker, 2s));
        }
    }
}
