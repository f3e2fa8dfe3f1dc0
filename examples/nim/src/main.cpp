// nim: Nim over MQTT, with the whole command line of the mqttgames launcher (see nim --help). With
// no arguments: against the computer, in a window when there is a display, else in the terminal.
#include <mqttgames/engine/Runner.hpp>
#include "Heaps.hpp"
#include "View.hpp"

int main(int argc, char** argv)
{
    const engine::TurnGameWithView<nim::Heaps, nim::View> game(
        {.id = "nim", .title = "Nim", .notationHelp = "heap a-c and how many to take: b2",
         .samples = {{"playing", "a2 c3"}, {"gameover", "a3 b4 c5"}}});
    return engine::runGame(argc, argv, game);
}
