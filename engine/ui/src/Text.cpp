#include <mqttgames/engine/Text.hpp>

#include <cmath>

namespace engine
{

namespace
{
// Origins on whole pixels keep glyphs crisp; the middle line uses the font's cap height, so texts
// of different content line up.
sf::Text make(const sf::Font& font, const std::string& utf8, unsigned size, sf::Color color)
{
    sf::Text text(sf::String::fromUtf8(utf8.begin(), utf8.end()), font, size);
    text.setFillColor(color);
    return text;
}

float middle(const sf::Text& text)
{
    sf::Text probe("H", *text.getFont(), text.getCharacterSize());
    const sf::FloatRect cap = probe.getLocalBounds();
    return cap.top + cap.height / 2.f;
}
} // namespace

sf::Text centredText(const sf::Font& font, const std::string& utf8, unsigned size, sf::Color color, sf::Vector2f centre)
{
    sf::Text text = make(font, utf8, size, color);
    const sf::FloatRect bounds = text.getLocalBounds();
    text.setOrigin(std::round(bounds.left + bounds.width / 2.f), std::round(middle(text)));
    text.setPosition(std::round(centre.x), std::round(centre.y));
    return text;
}

sf::Text leftText(const sf::Font& font, const std::string& utf8, unsigned size, sf::Color color, sf::Vector2f leftMiddle)
{
    sf::Text text = make(font, utf8, size, color);
    text.setOrigin(0.f, std::round(middle(text)));
    text.setPosition(std::round(leftMiddle.x), std::round(leftMiddle.y));
    return text;
}

sf::Text rightText(const sf::Font& font, const std::string& utf8, unsigned size, sf::Color color, sf::Vector2f rightMiddle)
{
    sf::Text text = make(font, utf8, size, color);
    const sf::FloatRect bounds = text.getLocalBounds();
    text.setOrigin(std::round(bounds.left + bounds.width), std::round(middle(text)));
    text.setPosition(std::round(rightMiddle.x), std::round(rightMiddle.y));
    return text;
}

} // namespace engine
