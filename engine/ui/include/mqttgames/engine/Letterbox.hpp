#pragma once

#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/View.hpp>
#include <SFML/System/Vector2.hpp>

namespace engine
{

/// The part of a window (as fractions 0..1) that shows a design of `designSize` as large as possible
/// without distortion, centred, with bars on the two sides that are left over.
sf::FloatRect letterboxViewport(sf::Vector2u windowSize, sf::Vector2f designSize);
/// A view over the whole design, shown in letterboxViewport().
sf::View letterboxView(sf::Vector2u windowSize, sf::Vector2f designSize);
/// The size a window opens at: the design scaled down (never up, never distorted) to at most
/// `maxHeight` pixels tall and to fit a screen of `screenSize` with room for a panel (0: unknown).
sf::Vector2u initialWindowSize(sf::Vector2f designSize, sf::Vector2u screenSize, unsigned maxHeight);
/// A window pixel in design units (outside the design when it lies on a bar).
sf::Vector2f windowToDesign(sf::Vector2i pixel, sf::Vector2u windowSize, sf::Vector2f designSize);

} // namespace engine
