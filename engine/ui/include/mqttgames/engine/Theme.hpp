#pragma once

#include <SFML/Graphics/Color.hpp>

namespace engine
{

/// The colours every scene and game view draws with (a dark theme by default).
struct Theme
{
    sf::Color background{24, 27, 38};
    sf::Color panel{34, 39, 54};
    sf::Color panelRaised{45, 51, 70};
    sf::Color outline{63, 71, 96};
    sf::Color text{236, 239, 244};
    sf::Color mutedText{146, 154, 176};
    sf::Color accent{255, 200, 87};
    sf::Color good{96, 211, 148};
    sf::Color warning{255, 170, 76};
    sf::Color bad{255, 99, 110};
    /// The first and second player's colours (X and O, red and yellow, ...).
    sf::Color playerOne{255, 107, 107};
    sf::Color playerTwo{78, 205, 196};
};

/// `color` with its alpha scaled by `factor` (0..1).
sf::Color fade(sf::Color color, float factor);
/// Linear blend from `from` (t = 0) to `to` (t = 1).
sf::Color mix(sf::Color from, sf::Color to, float t);

} // namespace engine
