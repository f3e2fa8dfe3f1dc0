#include <mqttgames/engine/Screenshot.hpp>

#include <algorithm>

#include <SFML/Graphics/RenderTexture.hpp>

#include <mqttgames/engine/Context.hpp>

namespace engine
{

bool saveScreenshot(SceneStack& scenes, const std::filesystem::path& file, std::string& error)
{
    const sf::Vector2f size = scenes.context().size;
    sf::ContextSettings settings;
    settings.antialiasingLevel = std::min(8u, sf::RenderTexture::getMaximumAntialiasingLevel());
    sf::RenderTexture texture;
    if (!texture.create(static_cast<unsigned>(size.x), static_cast<unsigned>(size.y), settings))
    {
        error = "cannot create an offscreen image of " + std::to_string(static_cast<int>(size.x)) + "x" +
                std::to_string(static_cast<int>(size.y));
        return false;
    }
    // A few long steps: scenes push their overlays, then every animation reaches its end.
    for (int step = 0; step < 4; ++step)
    {
        scenes.context().queue.drain();
        scenes.update(sf::seconds(5.f));
        scenes.applyPendingChanges();
    }
    texture.clear(sf::Color(16, 18, 26));
    scenes.draw(texture);
    texture.display();
    if (!texture.getTexture().copyToImage().saveToFile(file.string()))
    {
        error = "cannot write " + file.string();
        return false;
    }
    return true;
}

} // namespace engine
