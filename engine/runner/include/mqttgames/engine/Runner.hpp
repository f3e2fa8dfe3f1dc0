#pragma once

#include <string>
#include <vector>

#include <mqttgames/engine/RoundView.hpp>

namespace engine
{

/// The whole program around games: reads the command line (broker, room, name, login, TLS,
/// --vs-computer, --bot, --headless, --screenshot, --games; see --help), finds a broker (with no
/// arguments: localhost if it answers, else a private one) and plays in a window when there is a
/// display, else in the terminal. With no opponent named the computer plays. Ctrl-C and kill end it
/// cleanly (exit status 130). Returns the program's exit status; errors are printed, never thrown.
/// `games` are borrowed and offered in this order; `program` names the program in messages.
int runGames(int argc, char** argv, const std::vector<const GameWithView*>& games, const std::string& program);

/// runGames for a program of one game: the game starts at once; leaving it shows the menu.
int runGame(int argc, char** argv, const GameWithView& game);

} // namespace engine
