// With no opponent named, the launcher plays the computer, in a room of its own, whatever broker answers.
#include <catch2/catch.hpp>

#include <filesystem>

#include <mqttgames/engine/Match.hpp>
#include <mqttgames/mqtt/GameClient.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>

#include "AllGames.hpp"
#include "CommandLine.hpp"
#include "Launch.hpp"
#include "support/LauncherProcess.hpp"

using namespace std::chrono_literals;

namespace
{

runner::Options parsed(std::vector<std::string> words)
{
    std::optional<int> status;
    auto options = parseCommandLine(std::move(words), status);
    REQUIRE_FALSE(status);
    return options;
}

} // namespace

TEST_CASE("launcher: the default opponent")
{
    SECTION("the computer unless a room is named or the computer plays our seat")
    {
        CHECK(runner::computerByDefault(parsed({})));
        CHECK(runner::computerByDefault(parsed({"connect4", "--headless", "--host", "broker.example"})));
        CHECK_FALSE(runner::computerByDefault(parsed({"--room", "ann-and-bob"})));
        CHECK_FALSE(runner::computerByDefault(parsed({"--room", "lobby"}))); // named, though it is the default's name
        CHECK_FALSE(runner::computerByDefault(parsed({"--bot", "easy"})));
        CHECK_FALSE(runner::computerByDefault(parsed({"--vs-computer", "hard"}))); // named, not by default
    }

    SECTION("no arguments, a broker already on the default port: the computer in a private room there; "
            "a stranger waiting in the lobby is not paired")
    {
        mqtt::LoopbackBroker broker;
        testsupport::Inbox<mqtt::GameState> strangerStates;
        mqtt::GameClient stranger([&](mqtt::GameState state) { strangerStates.push(state); }, nullptr,
                                  engine::roomTopic("tictactoe", "lobby"));
        REQUIRE(stranger.connect(broker.host(), broker.port()));
        REQUIRE(strangerStates.waitFor(mqtt::GameState::Connected));

        auto launcher = testsupport::startLauncher(MQTTGAMES_EXECUTABLE, testsupport::Screen::Terminal, broker.port(), {});
        const std::string where = "Tic-Tac-Toe on 127.0.0.1:" + std::to_string(broker.port()) + ", room lobby-computer-";
        bool atBroker = false;
        bool playing = false;
        std::vector<std::string> lines;
        while (!playing)
        {
            const auto line = launcher.readLine(20s);
            if (!line)
                break;
            lines.push_back(*line);
            atBroker = atBroker || line->rfind(where, 0) == 0;
            playing = line->rfind("-- playing Computer (", 0) == 0;
        }
        std::string output;
        for (const auto& line : lines)
            output += line + "\n";
        INFO(output);
        CHECK(atBroker);
        REQUIRE(playing);
        CHECK(testsupport::childrenNamed(launcher.pid(), "mosquitto").empty()); // no private broker was needed
        // The stranger's hello reached the lobby long before the computer paired in its own room.
        CHECK(stranger.getState() == mqtt::GameState::Connected);

        launcher.closeStdin();
        CHECK(launcher.waitForOutput("-- end of input", 10s));
        CHECK(launcher.wait(5s) == 0);
        CHECK(stranger.getState() == mqtt::GameState::Connected);
    }
}

TEST_CASE("launcher: against the computer, only the player's seat records the match")
{
    runner::Choice choice;
    choice.game = launcher::allGames().front();
    choice.vsComputer = 0;
    const mqtt::EventQueue queue;
    const runner::Seats seats = runner::makeSeats(choice, queue);
    REQUIRE(seats.computer);
    CHECK_FALSE(seats.player->recordingFile().empty());
    CHECK(seats.computer->recordingFile().empty());
    std::filesystem::remove(seats.player->recordingFile());
}
