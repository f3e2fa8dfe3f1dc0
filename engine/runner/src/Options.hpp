#pragma once

#include <optional>
#include <string>

#include <mqttgames/engine/ConnectionSettings.hpp>

namespace runner
{

class GameRegistry;

/// The command line, as parsed.
struct Options
{
    std::string game;                ///< empty: the menu picks one
    std::optional<std::string> host; ///< empty: localhost:1883 if it answers, else a private broker
    std::optional<int> port;
    /// Room, name (default: $USER), login (the password only with a username; also read from
    /// MQTTGAMES_PASSWORD), TLS, grace period and verbosity, read straight into the type that carries
    /// them to the client; the broker's host and port are filled in once one is chosen.
    engine::ConnectionSettings connection;
    bool roomGiven = false;          ///< --room was named: the opponent is a person in it, not the computer
    bool headless = false;
    std::string bot;                 ///< level at which the computer plays our seat
    std::string vsComputer;          ///< level of an in-process computer opponent
    std::string screenshot;          ///< PNG to render instead of running
    std::string scene = "playing";   ///< menu, waiting, playing or gameover
    std::string moves;               ///< position for the screenshot, in the game's notation
    int games = 0;                   ///< rounds to play before exiting (0: until quit)
    bool watch = false;              ///< watch the match in --room instead of playing
    bool record = false;             ///< a spectator records what it watches too
    bool noRecord = false;           ///< a player's matches are not recorded
    std::string replayFile;          ///< with the game "replay": the file to play back
    bool list = false;
    bool listRooms = false;          ///< print the game's lobby and exit
};

/// Whether the computer is the opponent though none was named: unless a room was named (a person is
/// met in a room) or the computer plays our own seat (--bot, which waits in the room for whoever comes).
bool computerByDefault(const Options& options);

/// Parses argv with CLI11. Returns the exit status when the program should stop now (--help, an
/// error, already printed), or nothing to go on.
std::optional<int> parseOptions(int argc, char** argv, const GameRegistry& registry, Options& options);

} // namespace runner
