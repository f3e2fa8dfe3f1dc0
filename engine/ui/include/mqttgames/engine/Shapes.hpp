#pragma once

#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/Rect.hpp>

namespace engine
{

/// A rectangle with rounded corners (radius clamped to half the shorter side), in place at `box`.
sf::ConvexShape roundedRect(sf::FloatRect box, float radius, sf::Color fill);
/// A thick line with round ends from `from` to `to` (a stadium shape).
sf::ConvexShape capsule(sf::Vector2f from, sf::Vector2f to, float thickness, sf::Color fill);

} // namespace engine
