#include <mqttgames/engine/Letterbox.hpp>

#include <algorithm>
#include <cmath>

namespace engine
{

sf::FloatRect letterboxViewport(sf::Vector2u windowSize, sf::Vector2f designSize)
{
    if (windowSize.x == 0 || windowSize.y == 0 || designSize.x <= 0 || designSize.y <= 0)
        return {0.f, 0.f, 1.f, 1.f};
    const float windowRatio = static_cast<float>(windowSize.x) / static_cast<float>(windowSize.y);
    const float designRatio = designSize.x / designSize.y;
    if (windowRatio > designRatio)
    {
        const float width = designRatio / windowRatio;
        return {(1.f - width) / 2.f, 0.f, width, 1.f};
    }
    const float height = windowRatio / designRatio;
    return {0.f, (1.f - height) / 2.f, 1.f, height};
}

sf::View letterboxView(sf::Vector2u windowSize, sf::Vector2f designSize)
{
    sf::View view({0.f, 0.f, designSize.x, designSize.y});
    view.setViewport(letterboxViewport(windowSize, designSize));
    return view;
}

sf::Vector2u initialWindowSize(sf::Vector2f designSize, sf::Vector2u screenSize, unsigned maxHeight)
{
    // Room for a desktop panel (up to ~60 px) and the window's title bar (~30 px).
    constexpr float PanelAndTitle = 90.f;
    constexpr float SideMargin = 40.f;
    float scale = std::min(1.f, static_cast<float>(maxHeight) / designSize.y);
    if (screenSize.y > PanelAndTitle && screenSize.x > SideMargin)
        scale = std::min({scale, (static_cast<float>(screenSize.y) - PanelAndTitle) / designSize.y,
                          (static_cast<float>(screenSize.x) - SideMargin) / designSize.x});
    return {static_cast<unsigned>(std::lround(designSize.x * scale)), static_cast<unsigned>(std::lround(designSize.y * scale))};
}

sf::Vector2f windowToDesign(sf::Vector2i pixel, sf::Vector2u windowSize, sf::Vector2f designSize)
{
    const sf::FloatRect viewport = letterboxViewport(windowSize, designSize);
    const float left = viewport.left * static_cast<float>(windowSize.x);
    const float top = viewport.top * static_cast<float>(windowSize.y);
    const float width = viewport.width * static_cast<float>(windowSize.x);
    const float height = viewport.height * static_cast<float>(windowSize.y);
    if (width <= 0.f || height <= 0.f)
        return {-1.f, -1.f};
    return {(static_cast<float>(pixel.x) - left) * designSize.x / width,
            (static_cast<float>(pixel.y) - top) * designSize.y / height};
}

} // namespace engine
