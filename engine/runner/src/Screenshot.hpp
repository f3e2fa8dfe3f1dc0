#pragma once

#include <string>

#include "GameRegistry.hpp"
#include "Launch.hpp"

namespace runner
{

/// Renders one scene of `choice.game` offscreen to a PNG: "menu", "waiting", "playing" or "gameover",
/// the last two at `moves` (the game's notation; a sample position when empty). No network is used.
/// Returns the exit status, printing what went wrong.
int renderScreenshot(const GameRegistry& registry, const Choice& choice, const std::string& scene,
                     const std::string& moves, const std::string& file);

} // namespace runner
