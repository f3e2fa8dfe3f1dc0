#include <catch2/catch.hpp>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <cstdio>
#include <set>
#include <string>

#include <sys/wait.h>

#include <mqttgames/mqtt/LoopbackBroker.hpp>

#include "AllGames.hpp"
#include "GameRegistry.hpp"
#include "CommandLine.hpp"

namespace
{

struct Run
{
    int status = -1;
    std::string output;
};

// Runs a shell command, capturing what it prints (both streams) and its exit status.
Run execute(const std::string& command)
{
    Run result;
    FILE* pipe = ::popen(command.c_str(), "r");
    REQUIRE(pipe);
    char buffer[4096];
    while (const std::size_t count = std::fread(buffer, 1, sizeof buffer, pipe))
        result.output.append(buffer, count);
    const int status = ::pclose(pipe);
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

// Runs the launcher with these arguments through a shell, with no display and `input` on its
// standard input (none when empty), capturing what it prints and its exit status. It plays on a
// private broker of the test's, named with --host and --port, so no run ever looks for a broker on
// its own (on localhost:1883, where a real one may answer).
Run run(const std::string& arguments, const std::string& input = "")
{
    mqtt::LoopbackBroker broker;
    const std::string command = (input.empty() ? "" : "printf '" + input + "' | ") + "env -u DISPLAY " MQTTGAMES_EXECUTABLE " " +
                                arguments + " --host " + broker.host() + " --port " + std::to_string(broker.port()) + " 2>&1" +
                                (input.empty() ? " </dev/null" : "");
    const Run result = execute(command);
    INFO(result.output);
    CHECK(result.output.find(" on " + broker.host() + ":" + std::to_string(broker.port()) + ",") != std::string::npos);
    return result;
}

int count(const std::string& text, const std::string& what)
{
    int found = 0;
    for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1))
        ++found;
    return found;
}

} // namespace

TEST_CASE("launcher")
{
    SECTION("the registry offers tic-tac-toe, each game once, with bot levels")
    {
        const runner::GameRegistry registry(launcher::allGames());
        REQUIRE(registry.find("tictactoe"));
        CHECK(registry.find("tictactoe")->info().title == "Tic-Tac-Toe");
        CHECK_FALSE(registry.find("chess"));
        std::set<std::string> ids;
        for (const auto& game : registry.games())
        {
            CHECK(ids.insert(game->info().id).second);
            CHECK_FALSE(game->info().botLevels.empty());
        }
        const auto* first = registry.games().front();
        CHECK_THROWS_WITH(runner::GameRegistry({first, first}), Catch::Contains("two games have the id"));
        CHECK_THROWS_WITH(runner::GameRegistry({}), Catch::Contains("no game"));
    }

    SECTION("the command line is read into options")
    {
        std::optional<int> status;
        const auto options = parseCommandLine({"tictactoe", "--host", "broker.local", "--port", "1884", "--room", "r2", "--name", "ada",
                                    "--headless", "--bot", "hard", "--games", "3"},
                                   status);
        CHECK_FALSE(status);
        CHECK(options.game == "tictactoe");
        CHECK(options.host == "broker.local");
        CHECK(options.port == 1884);
        CHECK(options.connection.room == "r2");
        CHECK(options.connection.name == "ada");
        CHECK(options.headless);
        CHECK(options.bot == "hard");
        CHECK(options.games == 3);

        parseCommandLine({"chess"}, status);
        CHECK(status == 2);
        parseCommandLine({"--port", "70000"}, status);
        CHECK(status.value_or(0) != 0);
        // Our own name is refused at start when no partner could be shown it as it is.
        for (const char* name : {"Ann\xFF", "Ann\x1B[2J", "", "0123456789012345678901234567890123"})
        {
            INFO(name);
            parseCommandLine({"--name", name}, status);
            CHECK(status == 2);
        }
    }

    SECTION("a login and TLS are read; TLS files must exist, and a client certificate needs TLS")
    {
        std::optional<int> status;
        const auto options = parseCommandLine({"--username", "ann", "--password", "secret", "--cafile", MQTTGAMES_EXECUTABLE, "--insecure"}, status);
        CHECK_FALSE(status);
        CHECK(options.connection.username == "ann");
        CHECK(options.connection.password == "secret");
        CHECK(options.connection.tls.caFile == MQTTGAMES_EXECUTABLE);
        CHECK_FALSE(options.connection.tls.verifyHostname);

        parseCommandLine({"--cafile", "/nonexistent/ca.crt"}, status);
        CHECK(status.value_or(0) != 0);
        parseCommandLine({"--cert", MQTTGAMES_EXECUTABLE, "--key", MQTTGAMES_EXECUTABLE}, status);
        CHECK(status == 2);
        parseCommandLine({"--cafile", MQTTGAMES_EXECUTABLE, "--cert", MQTTGAMES_EXECUTABLE}, status);
        CHECK(status == 2);
    }

    SECTION("with no display, the program plays in the terminal; two bots finish their games and exit 0")
    {
        const Run result = run("tictactoe --bot hard --vs-computer hard --games 2");
        INFO(result.output);
        CHECK(result.status == 0);
        CHECK(result.output.find("no display") != std::string::npos);
        CHECK(count(result.output, "result: ") == 2);
        CHECK(count(result.output, "(draw)") == 2); // perfect play both ways
    }

    SECTION("a match is recorded where the output says, and `replay` plays it back; a bad file is refused")
    {
        const Run played = run("tictactoe --bot hard --vs-computer hard --games 1");
        REQUIRE(played.status == 0);
        const std::string said = "recording this match to ";
        const auto at = played.output.find(said);
        REQUIRE(at != std::string::npos);
        const std::string file = played.output.substr(at + said.size(), played.output.find('\n', at) - at - said.size());
        INFO(file);
        CHECK(file.starts_with(std::string(std::getenv("XDG_DATA_HOME")) + "/mqttgames/replays/tictactoe-"));
        REQUIRE(std::filesystem::exists(file));

        const Run replayed = execute("env -u DISPLAY " MQTTGAMES_EXECUTABLE " replay '" + file + "' 2>&1");
        INFO(replayed.output);
        CHECK(replayed.status == 0);
        CHECK(count(replayed.output, "result: Draw") == 1);
        CHECK(count(replayed.output, " plays ") == count(played.output, " plays ")); // every move, once
        // The same file cut in the middle of its last line.
        std::ifstream in(file);
        std::string whole((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        const std::string cut = file + ".cut";
        std::ofstream(cut) << whole.substr(0, whole.size() - 10);
        const Run refused = execute("env -u DISPLAY " MQTTGAMES_EXECUTABLE " replay '" + cut + "' 2>&1");
        CHECK(refused.status == 1);
        const int lines = static_cast<int>(std::count(whole.begin(), whole.end(), '\n'));
        CHECK(refused.output == cut + ": line " + std::to_string(lines) + ": not JSON (a file cut short?)\n");
        std::filesystem::remove(cut);
    }

    SECTION("the last move and the result are shown even when the answer to 'play again?' is already waiting")
    {
        // Cells in order, each followed by "n": whoever ends the round, an "n" is read right after it.
        std::string input;
        for (int cell = 1; cell <= 9; ++cell)
            input += std::to_string(cell) + "\\nn\\n";
        const Run result = run("tictactoe --headless --vs-computer easy", input);
        INFO(result.output);
        CHECK(result.status == 0);
        CHECK(count(result.output, "result: ") == 1);
    }

    SECTION("'play again?' takes y/yes/n/no in any case and asks again on anything else")
    {
        // Every cell in order: whatever the computer took is refused, and the round ends before the
        // answers. "maybe" and "3" are no answer (before, any text but n meant yes); "N" is no.
        const Run result = run("tictactoe --headless --vs-computer easy", "1\\n2\\n3\\n4\\n5\\n6\\n7\\n8\\n9\\nmaybe\\n3\\nN\\n");
        INFO(result.output);
        CHECK(result.status == 0);
        CHECK(count(result.output, "result: ") == 1);
        CHECK(count(result.output, "please answer y (yes) or n (no)") >= 2);
        CHECK(count(result.output, "round 2") == 0);
    }

    SECTION("'resign' ends the round in the terminal, and the computer wins it")
    {
        const Run result = run("tictactoe --headless --vs-computer easy", "resign\\nn\\n");
        INFO(result.output);
        CHECK(result.status == 0);
        CHECK(count(result.output, "result: You resign") == 1);
        CHECK(count(result.output, "result: ") == 1);
    }

    SECTION("a person's moves are read from standard input in the game's notation")
    {
        // Against the easy computer (who starts is drawn): "0" is refused, then the centre is taken.
        const Run result = run("tictactoe --headless --vs-computer easy --name ada", "0\\n5\\n1\\n2\\n3\\n4\\n6\\n7\\n8\\n9\\nquit\\n");
        INFO(result.output);
        CHECK(result.status == 0);
        CHECK(result.output.find("refused: \"0\" is not a move (cell 1-9") != std::string::npos);
        CHECK(count(result.output, "refused: \"0\"") == 1);
        const bool first = result.output.find("you are X") != std::string::npos;
        const std::string mark = first ? "X" : "O";
        // Our first move is the centre unless the computer took it already.
        const bool centreTaken = result.output.find(std::string(first ? "O" : "X") + " plays 5") != std::string::npos;
        CHECK((centreTaken || result.output.find(mark + " plays 5") != std::string::npos));
        CHECK(count(result.output, mark + " plays ") >= 2);
    }
}
