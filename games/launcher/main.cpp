// mqttgames: the launcher. Every game of this tree behind the engine's runner: a menu, or the game
// named on the command line, in a window or the terminal (see --help).
#include <mqttgames/engine/Runner.hpp>

#include "AllGames.hpp"

int main(int argc, char** argv)
{
    return engine::runGames(argc, argv, launcher::allGames(), "mqttgames");
}
