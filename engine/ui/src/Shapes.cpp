#include <mqttgames/engine/Shapes.hpp>

#include <algorithm>
#include <cmath>

namespace engine
{

namespace
{
constexpr float Pi = 3.14159265f;
constexpr int ArcPoints = 10;
} // namespace

sf::ConvexShape roundedRect(sf::FloatRect box, float radius, sf::Color fill)
{
    radius = std::clamp(radius, 0.f, std::min(box.width, box.height) / 2.f);
    const sf::Vector2f centres[4] = {
        {box.left + box.width - radius, box.top + radius},
        {box.left + box.width - radius, box.top + box.height - radius},
        {box.left + radius, box.top + box.height - radius},
        {box.left + radius, box.top + radius},
    };
    sf::ConvexShape shape(4 * ArcPoints);
    for (int corner = 0; corner < 4; ++corner)
    {
        for (int i = 0; i < ArcPoints; ++i)
        {
            const float angle = (corner - 1) * Pi / 2.f + i * (Pi / 2.f) / (ArcPoints - 1);
            shape.setPoint(corner * ArcPoints + i,
                           {centres[corner].x + radius * std::cos(angle), centres[corner].y + radius * std::sin(angle)});
        }
    }
    shape.setFillColor(fill);
    return shape;
}

sf::ConvexShape capsule(sf::Vector2f from, sf::Vector2f to, float thickness, sf::Color fill)
{
    const float radius = thickness / 2.f;
    const float heading = std::atan2(to.y - from.y, to.x - from.x);
    constexpr int Points = 2 * ArcPoints;
    sf::ConvexShape shape(2 * Points);
    for (int end = 0; end < 2; ++end)
    {
        const sf::Vector2f centre = end == 0 ? to : from;
        const float start = heading - Pi / 2.f + end * Pi;
        for (int i = 0; i < Points; ++i)
        {
            const float angle = start + i * Pi / (Points - 1);
            shape.setPoint(end * Points + i, {centre.x + radius * std::cos(angle), centre.y + radius * std::sin(angle)});
        }
    }
    shape.setFillColor(fill);
    return shape;
}

} // namespace engine
