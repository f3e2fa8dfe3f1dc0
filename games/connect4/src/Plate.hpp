#pragma once

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include <mqttgames/engine/GridGeometry.hpp>

namespace connect4
{

/// How the front plate of the board looks.
struct PlateStyle
{
    sf::FloatRect outer;      ///< the whole plate; it must leave at least `cornerRadius` around the grid
    float cornerRadius = 0.f;
    float holeRadius = 0.f;   ///< one round hole centred on every cell
    float rimWidth = 0.f;     ///< a bevel inside the plate around each hole
    sf::Color top;            ///< plate colour at the top edge, blended to `bottom` at the bottom edge
    sf::Color bottom;
    sf::Color rim;            ///< colour at a hole's edge, blended to the plate across the bevel
};

/// The front plate of a Connect Four board as triangles: a rounded rectangle with a hole over
/// every cell of `grid`. Discs drawn before it show through the holes and slide behind it.
sf::VertexArray perforatedPlate(const engine::GridGeometry& grid, const PlateStyle& style);

} // namespace connect4
