#include "Options.hpp"

#include <cstdlib>
#include <iostream>

#include <CLI/CLI.hpp>

#include <mqttgames/mqtt/SafeText.hpp>

#include "GameRegistry.hpp"

namespace runner
{

bool computerByDefault(const Options& options)
{
    return options.vsComputer.empty() && options.bot.empty() && !options.roomGiven;
}

std::optional<int> parseOptions(int argc, char** argv, const GameRegistry& registry, Options& options)
{
    std::string ids;
    for (const auto& game : registry.games())
        ids += (ids.empty() ? "" : ", ") + game->info().id;

    CLI::App app{"Two-player games over MQTT. With no arguments: a game against the computer, on a "
                 "broker on localhost:1883 if one answers, else on a private one. Name a --room to play a person."};
    app.add_option("game", options.game,
                   "Game to play now (" + ids + "); without it the menu opens; \"replay FILE\" plays a recorded match back");
    app.add_option("file", options.replayFile, "With \"replay\": the replay file (see --record)");
    app.add_option("--host", options.host, "Broker host (default: localhost if it answers, else a private broker)");
    app.add_option("--port", options.port, "Broker port (default 1883)")->check(CLI::Range(1, 65535));
    engine::ConnectionSettings& connection = options.connection;
    bool insecure = false;
    int grace = 60;
    app.add_option("--room", connection.room, "Room: players in the same room of a game play each other (naming one "
                                            "means a person is your opponent, unless --vs-computer)")
        ->capture_default_str();
    std::string clock;
    app.add_option("--clock", clock, "Time control of a room you open: BANK[+INCREMENT] (5m+3s: 5 minutes a side plus 3 s a "
                                     "move) or LIMIT/move (30s/move); you pair only with players who chose the same")
        ->check([](const std::string& text)
                {
                    std::string error;
                    return engine::TimeControl::parse(text, error) ? std::string() : error;
                });
    app.add_flag("--private", connection.privateRoom, "Do not list --room in the game's lobby while you wait there");
    app.add_flag("--list-rooms", options.listRooms, "List the rooms where someone waits for a partner (on --host) and exit");
    app.add_option("--name", connection.name, "Your name as the partner sees it (default: $USER)");
    app.add_option("--username", connection.username, "Log in to the broker as USER");
    app.add_option("--password", connection.password, "Password for --username (better: the MQTTGAMES_PASSWORD variable, which "
                                                    "other users cannot see in the process list)")
        ->envname("MQTTGAMES_PASSWORD");
    app.add_option("--room-password", connection.roomPassword,
                   "Pair only with players who give the same room password (better: the MQTTGAMES_ROOM_PASSWORD "
                   "variable, which other users cannot see in the process list)")
        ->envname("MQTTGAMES_ROOM_PASSWORD");
    app.add_option("--cafile", connection.tls.caFile, "CA certificate (PEM) that signed the broker's: connect with TLS (default port 8883)")
        ->check(CLI::ExistingFile);
    app.add_option("--cert", connection.tls.certFile, "Client certificate (PEM) for TLS, with --key")->check(CLI::ExistingFile);
    app.add_option("--key", connection.tls.keyFile, "Private key (PEM) of --cert")->check(CLI::ExistingFile);
    app.add_flag("--insecure", insecure, "TLS: accept a broker certificate that does not name --host");
    app.add_flag("--headless", options.headless, "No window: print moves and boards, read moves from stdin");
    app.add_option("--bot", options.bot, "The computer plays your seat at LEVEL (easy, medium, hard)");
    app.add_option("--vs-computer", options.vsComputer, "Play against the computer at LEVEL, through the broker");
    app.add_option("--screenshot", options.screenshot, "Render a scene to this PNG file and exit");
    app.add_option("--scene", options.scene, "Scene for --screenshot (lobby: as it stands on --host)")
        ->check(CLI::IsMember({"menu", "lobby", "waiting", "playing", "gameover"}))
        ->capture_default_str();
    app.add_option("--moves", options.moves, "Position for --screenshot, in the game's notation (tic-tac-toe: cells 1-9)");
    app.add_option("--games", options.games, "Play this many rounds, then exit with status 0 (bots ask to play again)")
        ->check(CLI::NonNegativeNumber);
    app.add_option("--grace", grace, "Seconds to wait, the game kept, for a partner whose connection dropped")
        ->check(CLI::Range(0, 24 * 3600))
        ->capture_default_str();
    app.add_flag("--watch", options.watch, "Watch the match in --room (on --host) instead of playing: never a seat");
    app.add_flag("--record", options.record, "With --watch: record the match too (players record theirs unless --no-record)");
    app.add_flag("--no-record", options.noRecord, "Do not record this match (by default it goes to the replays folder)");
    app.add_flag("--verbose", connection.verbose, "Log the MQTT traffic to stderr");
    app.add_flag("--list", options.list, "List the games and exit");
    try
    {
        app.parse(argc, argv);
    }
    catch (const CLI::ParseError& error)
    {
        return app.exit(error);
    }
    options.roomGiven = app.count("--room") > 0;
    std::string clockError;
    connection.clock = engine::TimeControl::parse(clock, clockError).value_or(engine::TimeControl{});
    if (app.count("--name") == 0)
    {
        if (const char* user = std::getenv("USER"); user && !mqtt::text::cleanName(user).empty())
            connection.name = mqtt::text::cleanName(user);
    }
    else if (const std::string why = mqtt::text::nameProblem(connection.name); !why.empty())
    {
        std::cerr << "--name: " << why << '\n';
        return 2;
    }
    if (connection.username.empty())
        connection.password.clear(); // a password from the environment is for a login only
    connection.tls.verifyHostname = !insecure;
    connection.gracePeriod = std::chrono::seconds(grace);
    const mqtt::TlsOptions& tls = connection.tls;
    if ((!tls.certFile.empty() || !tls.keyFile.empty() || insecure) && tls.caFile.empty())
    {
        std::cerr << "--cert, --key and --insecure need --cafile (TLS)\n";
        return 2;
    }
    if (tls.certFile.empty() != tls.keyFile.empty())
    {
        std::cerr << "--cert and --key go together\n";
        return 2;
    }
    if (options.game == "replay")
    {
        if (options.replayFile.empty())
        {
            std::cerr << "replay: name the file (mqttgames replay FILE)\n";
            return 2;
        }
        return std::nullopt;
    }
    if (!options.replayFile.empty())
    {
        std::cerr << "unexpected argument \"" << options.replayFile << "\" (only \"replay\" takes a file)\n";
        return 2;
    }
    if (options.watch && !options.roomGiven)
    {
        std::cerr << "--watch: name the room to watch (--room R)\n";
        return 2;
    }
    if (!options.game.empty() && !registry.find(options.game))
    {
        std::cerr << "unknown game \"" << options.game << "\"; games: " << ids << '\n';
        return 2;
    }
    return std::nullopt;
}

} // namespace runner
