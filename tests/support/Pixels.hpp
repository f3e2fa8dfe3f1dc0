#pragma once

#include <cstdlib>
#include <filesystem>
#include <ostream>
#include <string>

#include <unistd.h>

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Image.hpp>

#include <mqttgames/engine/SceneStack.hpp>
#include <mqttgames/engine/Screenshot.hpp>

namespace testsupport
{

/// The sum of the channels: which of two colours is the lighter.
inline int brightness(sf::Color color)
{
    return color.r + color.g + color.b;
}

/// Whether a colour is close to `want` (antialiasing and blending shift it a little).
inline bool near(sf::Color got, sf::Color want, int tolerance = 40)
{
    return std::abs(got.r - want.r) + std::abs(got.g - want.g) + std::abs(got.b - want.b) <= tolerance;
}

/// The pixel under a point in image coordinates (the point must lie inside the image).
inline sf::Color pixelAt(const sf::Image& image, sf::Vector2f point)
{
    return image.getPixel(static_cast<unsigned>(point.x), static_cast<unsigned>(point.y));
}

/// How often the colour changes clearly between samples `step` pixels apart, row by row: near 0
/// for a blank image, in the hundreds for a drawn scene.
inline int colourChanges(const sf::Image& image, unsigned step = 8)
{
    int changes = 0;
    sf::Color previous = image.getPixel(0, 0);
    for (unsigned y = 0; y < image.getSize().y; y += step)
        for (unsigned x = 0; x < image.getSize().x; x += step)
            if (!near(image.getPixel(x, y), previous, 6))
            {
                ++changes;
                previous = image.getPixel(x, y);
            }
    return changes;
}

/// What `scenes` draw, through the engine's screenshot (a file in the temp folder, removed after);
/// false with the reason when it cannot be made or read back. `name` keeps concurrent tests apart.
inline bool capture(engine::SceneStack& scenes, const std::string& name, sf::Image& image, std::string& error)
{
    const auto file = std::filesystem::temp_directory_path() / ("mqttgames-" + name + "-" + std::to_string(::getpid()) + ".png");
    if (!engine::saveScreenshot(scenes, file, error))
        return false;
    const bool read = image.loadFromFile(file.string());
    std::filesystem::remove(file);
    if (!read)
        error = "cannot read back " + file.string();
    return read;
}

} // namespace testsupport

namespace sf
{
/// So that a failed colour check prints the colour.
inline std::ostream& operator<<(std::ostream& out, const Color& color)
{
    return out << "rgb(" << int(color.r) << ", " << int(color.g) << ", " << int(color.b) << ")";
}
} // namespace sf
