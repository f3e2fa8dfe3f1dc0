// Ending the launcher from outside: every signal ends it at once, and no private broker outlives it.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>

#include "support/LauncherProcess.hpp"

using namespace std::chrono_literals;


TEST_CASE("launcher in the terminal: signals")
{
    for (const auto& [signal, name] : testsupport::EndingSignals)
    {
        DYNAMIC_SECTION(name << " mid-game, while it waits for the player's move on an open stdin: gone within 0.5 s with its broker")
        {
            const testsupport::DeadPort noBroker;
            auto launcher = testsupport::startLauncher(MQTTGAMES_EXECUTABLE, testsupport::Screen::Terminal, noBroker.port(), {"tictactoe", "--headless"});
            REQUIRE(launcher.waitForOutput("-- round 1"));
            const auto broker = testsupport::privateBroker(launcher.pid());
            REQUIRE(broker);

            testsupport::checkEndsAtOnce(launcher, signal, *broker);
        }
    }

    SECTION("killed outright (SIGKILL) or crashed (SIGSEGV), it leaves no broker behind")
    {
        for (const int signal : {SIGKILL, SIGSEGV})
        {
            const testsupport::DeadPort noBroker;
            auto launcher = testsupport::startLauncher(MQTTGAMES_EXECUTABLE, testsupport::Screen::Terminal, noBroker.port(), {"tictactoe", "--headless"});
            REQUIRE(launcher.waitForOutput("-- round 1"));
            const auto broker = testsupport::privateBroker(launcher.pid());
            REQUIRE(broker);
            const pid_t pid = launcher.pid();
            // A launcher killed outright cannot remove its broker's folder: the test does.
            const auto folder = testsupport::brokerConfig(*broker).parent_path();
            launcher.kill(signal);
            INFO("signal " << signal);
            REQUIRE(testsupport::processEnds(pid, 5s));
            CHECK(testsupport::processEnds(*broker, 2s));
            if (folder.filename().string().rfind("mqttgames-broker-", 0) == 0)
                std::filesystem::remove_all(folder);
        }
    }
}
