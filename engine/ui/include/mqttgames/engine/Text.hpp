#pragma once

#include <string>

#include <SFML/Graphics/Text.hpp>

namespace engine
{

/// A text (UTF-8) with its origin at its centre, placed at `centre`.
sf::Text centredText(const sf::Font& font, const std::string& utf8, unsigned size, sf::Color color, sf::Vector2f centre);
/// A text (UTF-8) with its origin at the left of its middle line, placed at `leftMiddle`.
sf::Text leftText(const sf::Font& font, const std::string& utf8, unsigned size, sf::Color color, sf::Vector2f leftMiddle);
/// The same with the origin at the right of its middle line.
sf::Text rightText(const sf::Font& font, const std::string& utf8, unsigned size, sf::Color color, sf::Vector2f rightMiddle);

} // namespace engine
