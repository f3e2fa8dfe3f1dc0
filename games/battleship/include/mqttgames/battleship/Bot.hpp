#pragma once

#include <array>
#include <optional>
#include <random>

#include <mqttgames/battleship/TargetSea.hpp>
#include <mqttgames/engine/BotLevel.hpp>

namespace battleship
{

/// The engine's shared bot levels: easy, medium, hard.
using Level = engine::BotLevel;

/// For each cell, the weight of the placements of the remaining ships that agree with everything
/// known (over no miss and no sunk ship) and cover it; placements through hits weigh far more.
/// 0 for cells already shot.
std::array<double, SeaCells> shotDensity(const TargetSea& sea);

/// The next cell to shoot at, never one already shot; nullopt only when every cell has been shot.
/// Easy shoots at random; Medium hunts on a checkerboard and then shoots around its hits; Hard
/// shoots where shotDensity is highest. The same sea and random state give the same cell.
std::optional<Coord> chooseShot(Level level, const TargetSea& sea, std::mt19937_64& random);

} // namespace battleship
