#include <mqttgames/battleship/Shot.hpp>

namespace battleship
{

const char* toString(ShotOutcome outcome)
{
    switch (outcome)
    {
    case ShotOutcome::Miss: return "miss";
    case ShotOutcome::Hit: return "hit";
    case ShotOutcome::Sunk: return "sunk";
    }
    return "miss";
}

} // namespace battleship
