#pragma once

#include <vector>

#include <mqttgames/engine/RoundView.hpp>

namespace launcher
{

/// Every game of games/, in menu order (the order of mqttgames_add_game in games/CMakeLists.txt).
std::vector<const engine::GameWithView*> allGames();

} // namespace launcher
