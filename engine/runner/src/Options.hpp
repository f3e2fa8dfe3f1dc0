#pragma once

#include <optional>
#include <string>

namespace runner
{

class GameRegistry;

/// The command line, as parsed.
struct Options
{
    std::string game;                ///< empty: the menu picks one
    std::optional<std::string> host; ///< empty: localhost:1883 if it answers, else a private broker
    std::optional<int> port;
    std::string room = "lobby";
    bool roomGiven = false;          ///< --room was named: the opponent is a person in it, not the computer
    std::string name;
    std::string username;            ///< login at the broker (empty: anonymous)
    std::string password;            ///< never printed; also read from MQTTGAMES_PASSWORD
    std::string caFile;              ///< CA certificate (PEM): connect with TLS
    std::string certFile;            ///< client certificate (PEM), with keyFile
    std::string keyFile;
    bool insecure = false;           ///< TLS without checking that the certificate names the host
    bool headless = false;
    std::string bot;                 ///< level at which the computer plays our seat
    std::string vsComputer;          ///< level of an in-process computer opponent
    std::string screenshot;          ///< PNG to render instead of running
    std::string scene = "playing";   ///< menu, waiting, playing or gameover
    std::string moves;               ///< position for the screenshot, in the game's notation
    int games = 0;                   ///< rounds to play before exiting (0: until quit)
    int grace = 60;                  ///< seconds to wait for a partner whose connection dropped
    bool verbose = false;
    bool list = false;
};

/// Whether the computer is the opponent though none was named: unless a room was named (a person is
/// met in a room) or the computer plays our own seat (--bot, which waits in the room for whoever comes).
bool computerByDefault(const Options& options);

/// Parses argv with CLI11. Returns the exit status when the program should stop now (--help, an
/// error, already printed), or nothing to go on.
std::optional<int> parseOptions(int argc, char** argv, const GameRegistry& registry, Options& options);

} // namespace runner
