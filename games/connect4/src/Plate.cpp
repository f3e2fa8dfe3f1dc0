#include "Plate.hpp"

#include <algorithm>
#include <cmath>

#include <mqttgames/engine/Theme.hpp>

namespace connect4
{

namespace
{
constexpr float Pi = 3.14159265f;
// A multiple of 8, so that the square's corners (at 45 degrees) are vertices of the triangulation.
constexpr int HoleSegments = 64;
constexpr int CornerSegments = 12;

struct Painter
{
    sf::VertexArray& vertices;
    const PlateStyle& style;

    sf::Color colourAt(sf::Vector2f point) const
    {
        const float t = std::clamp((point.y - style.outer.top) / style.outer.height, 0.f, 1.f);
        return engine::mix(style.top, style.bottom, t);
    }

    void triangle(sf::Vector2f a, sf::Vector2f b, sf::Vector2f c) const
    {
        vertices.append({a, colourAt(a)});
        vertices.append({b, colourAt(b)});
        vertices.append({c, colourAt(c)});
    }

    void rectangle(sf::Vector2f from, sf::Vector2f to) const
    {
        triangle(from, {to.x, from.y}, to);
        triangle(from, to, {from.x, to.y});
    }
};
} // namespace

sf::VertexArray perforatedPlate(const engine::GridGeometry& grid, const PlateStyle& style)
{
    sf::VertexArray vertices(sf::Triangles);
    const Painter paint{vertices, style};

    // Each cell: a square with a round hole, as a ring of quads from a circle out to the square.
    // The innermost ring is the bevel, coloured from `rim` at the hole to the plate.
    const float half = grid.cellSize() / 2.f;
    const float bevel = style.holeRadius + style.rimWidth;
    for (int row = 0; row < grid.rows(); ++row)
        for (int column = 0; column < grid.columns(); ++column)
        {
            const sf::Vector2f centre = grid.cellCentre({row, column});
            for (int i = 0; i < HoleSegments; ++i)
            {
                const auto direction = [](int step)
                {
                    const float angle = 2.f * Pi * static_cast<float>(step) / HoleSegments;
                    return sf::Vector2f(std::cos(angle), std::sin(angle));
                };
                const sf::Vector2f d0 = direction(i);
                const sf::Vector2f d1 = direction(i + 1);
                const auto onSquare = [&](sf::Vector2f d) { return centre + d * (half / std::max(std::abs(d.x), std::abs(d.y))); };
                const sf::Vector2f hole0 = centre + d0 * style.holeRadius;
                const sf::Vector2f hole1 = centre + d1 * style.holeRadius;
                const sf::Vector2f edge0 = centre + d0 * bevel;
                const sf::Vector2f edge1 = centre + d1 * bevel;
                vertices.append({hole0, style.rim});
                vertices.append({edge0, paint.colourAt(edge0)});
                vertices.append({edge1, paint.colourAt(edge1)});
                vertices.append({hole0, style.rim});
                vertices.append({edge1, paint.colourAt(edge1)});
                vertices.append({hole1, style.rim});
                paint.triangle(edge0, onSquare(d0), onSquare(d1));
                paint.triangle(edge0, onSquare(d1), edge1);
            }
        }

    // The border around the grid: four bands, and a quarter disc at each rounded corner.
    const sf::FloatRect outer = style.outer;
    const sf::FloatRect inner = grid.bounds();
    const float radius = std::min({style.cornerRadius, inner.left - outer.left, inner.top - outer.top,
                                   outer.left + outer.width - inner.left - inner.width,
                                   outer.top + outer.height - inner.top - inner.height});
    const float left = outer.left;
    const float top = outer.top;
    const float right = outer.left + outer.width;
    const float bottom = outer.top + outer.height;
    paint.rectangle({left + radius, top}, {right - radius, inner.top});
    paint.rectangle({left + radius, inner.top + inner.height}, {right - radius, bottom});
    paint.rectangle({left, top + radius}, {inner.left, bottom - radius});
    paint.rectangle({inner.left + inner.width, top + radius}, {right, bottom - radius});
    const sf::Vector2f corners[4] = {
        {left + radius, top + radius}, {right - radius, top + radius}, {right - radius, bottom - radius}, {left + radius, bottom - radius}};
    for (int corner = 0; corner < 4; ++corner)
    {
        const float start = Pi + corner * Pi / 2.f;
        for (int i = 0; i < CornerSegments; ++i)
        {
            const float a0 = start + (Pi / 2.f) * i / CornerSegments;
            const float a1 = start + (Pi / 2.f) * (i + 1) / CornerSegments;
            paint.triangle(corners[corner], corners[corner] + radius * sf::Vector2f(std::cos(a0), std::sin(a0)),
                           corners[corner] + radius * sf::Vector2f(std::cos(a1), std::sin(a1)));
        }
    }
    return vertices;
}

} // namespace connect4
