#pragma once

#include <random>

#include <mqttgames/engine/BotLevel.hpp>

#include "Heaps.hpp"

namespace nim
{

/// A legal move for the player to move (the game must not be over). Hard plays perfectly: it leaves
/// heaps whose sizes xor to zero, a position from which every move gives the opponent a nonzero xor
/// again, so it takes the last object. Medium plays perfectly half the time; Easy at random.
Move chooseMove(const Heaps& heaps, engine::BotLevel level, std::mt19937& random);

} // namespace nim
