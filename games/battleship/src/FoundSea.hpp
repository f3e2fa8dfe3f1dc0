#pragma once

#include <optional>

#include <SFML/Graphics/Color.hpp>

#include <mqttgames/battleship/Fleet.hpp>
#include <mqttgames/battleship/SeaView.hpp>
#include <mqttgames/battleship/TargetSea.hpp>
#include <mqttgames/engine/Theme.hpp>

namespace battleship
{

/// Paints a sea as the shots at it found it: misses, hits, sunk ships in the fleet's colour, what is
/// left of the fleet under the grid, and once the fleet is revealed the ships never found, faint.
/// The enemy's waters for a player; both seas for someone watching.
void paintFoundSea(SeaView& view, const TargetSea& sea, const std::optional<Fleet>& revealed, sf::Color fleetColor,
                   const engine::Theme& theme);

} // namespace battleship
