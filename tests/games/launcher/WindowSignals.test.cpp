// The launcher in a window ends at once on a signal, in the menu and mid-game, says goodbye to its
// partner, and leaves no broker behind.
#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>

#include <mqttgames/mqtt/MQTTClient.hpp>

#include "support/LauncherProcess.hpp"
#include "support/X11Windows.hpp"

using namespace std::chrono_literals;


TEST_CASE("launcher in a window: signals")
{
    for (const auto& [signal, name] : testsupport::EndingSignals)
    {
        DYNAMIC_SECTION(name << " in the menu: gone within 0.5 s with its private broker")
        {
            const testsupport::DeadPort noBroker;
            auto launcher = testsupport::startLauncher(MQTTGAMES_EXECUTABLE, testsupport::Screen::Window, noBroker.port(), {});
            const auto broker = testsupport::privateBroker(launcher.pid());
            REQUIRE(broker);
            // The menu is up: its window is on the display (no other test opens one of that title),
            // drawn, and the program waits for input.
            REQUIRE(testsupport::eventually([] { return testsupport::windowTitled("mqttgames"); }, 20s));
            REQUIRE(testsupport::settles(launcher.pid()));
            testsupport::checkEndsAtOnce(launcher, signal, *broker);
        }

        DYNAMIC_SECTION(name << " mid-game: gone within 0.5 s, the partner told, the broker stopped")
        {
            // The computer plays both seats, so moves flow without anyone at the window.
            const testsupport::DeadPort noBroker;
            auto launcher = testsupport::startLauncher(MQTTGAMES_EXECUTABLE, testsupport::Screen::Window, noBroker.port(),
                                                       {"tictactoe", "--bot", "easy", "--vs-computer", "easy"});
            const auto broker = testsupport::privateBroker(launcher.pid());
            REQUIRE(broker);
            // Watch the game's rooms on the private broker.
            std::atomic<int> moves = 0;
            std::atomic<int> byes = 0;
            mqtt::MQTTClient watcher([&](const std::string&, const std::string& message)
                                     {
                                         if (message.find("\"move\"") != std::string::npos)
                                             ++moves;
                                         if (message.find("\"bye\"") != std::string::npos)
                                             ++byes;
                                     });
            REQUIRE(watcher.connect("127.0.0.1", testsupport::brokerPort(*broker)));
            REQUIRE(watcher.subscribe("/ch/aplu/mqtt/gameclient/tictactoe/#"));
            REQUIRE(testsupport::eventually([&] { return moves > 0; }, 20s));

            testsupport::checkEndsAtOnce(launcher, signal, *broker);
            CHECK(testsupport::eventually([&] { return byes > 0; }, 2s)); // sent before the exit
        }
    }
}
