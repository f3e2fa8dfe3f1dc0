#include <mqttgames/engine/Theme.hpp>

#include <algorithm>

namespace engine
{

sf::Color fade(sf::Color color, float factor)
{
    color.a = static_cast<sf::Uint8>(std::clamp(color.a * factor, 0.f, 255.f));
    return color;
}

sf::Color mix(sf::Color from, sf::Color to, float t)
{
    t = std::clamp(t, 0.f, 1.f);
    const auto blend = [t](sf::Uint8 a, sf::Uint8 b) { return static_cast<sf::Uint8>(a + (b - a) * t); };
    return {blend(from.r, to.r), blend(from.g, to.g), blend(from.b, to.b), blend(from.a, to.a)};
}

} // namespace engine
