#include <mqttgames/engine/GridGeometry.hpp>

#include <algorithm>
#include <cmath>

namespace engine
{

GridGeometry::GridGeometry(int rows, int columns, float cellSize, float gap, sf::Vector2f origin)
    : m_rows(rows), m_columns(columns), m_cellSize(cellSize), m_gap(gap), m_origin(origin)
{
}

GridGeometry GridGeometry::fit(int rows, int columns, sf::FloatRect area, float gapRatio)
{
    if (rows <= 0 || columns <= 0)
        return {};
    // n cells and n-1 gaps of gapRatio * cell must fit in each direction.
    const float byWidth = area.width / (columns + (columns - 1) * gapRatio);
    const float byHeight = area.height / (rows + (rows - 1) * gapRatio);
    const float cell = std::max(0.f, std::min(byWidth, byHeight));
    GridGeometry grid(rows, columns, cell, cell * gapRatio);
    const sf::Vector2f size = grid.size();
    grid.m_origin = {area.left + (area.width - size.x) / 2.f, area.top + (area.height - size.y) / 2.f};
    return grid;
}

sf::Vector2f GridGeometry::size() const
{
    if (m_rows <= 0 || m_columns <= 0)
        return {};
    return {m_columns * m_cellSize + (m_columns - 1) * m_gap, m_rows * m_cellSize + (m_rows - 1) * m_gap};
}

sf::FloatRect GridGeometry::bounds() const
{
    const sf::Vector2f extent = size();
    return {m_origin.x, m_origin.y, extent.x, extent.y};
}

sf::FloatRect GridGeometry::cellBounds(Cell cell) const
{
    const float step = m_cellSize + m_gap;
    return {m_origin.x + cell.column * step, m_origin.y + cell.row * step, m_cellSize, m_cellSize};
}

sf::Vector2f GridGeometry::cellCentre(Cell cell) const
{
    const sf::FloatRect box = cellBounds(cell);
    return {box.left + box.width / 2.f, box.top + box.height / 2.f};
}

std::optional<Cell> GridGeometry::cellAt(sf::Vector2f point) const
{
    const auto column = columnAt(point.x);
    const float step = m_cellSize + m_gap;
    const float y = point.y - m_origin.y;
    if (!column || step <= 0.f || y < 0.f)
        return std::nullopt;
    const int row = static_cast<int>(std::floor(y / step));
    if (row >= m_rows || y - row * step >= m_cellSize)
        return std::nullopt;
    const float x = point.x - m_origin.x;
    if (x - *column * step >= m_cellSize)
        return std::nullopt; // in the gap right of the column
    return Cell{row, *column};
}

std::optional<int> GridGeometry::columnAt(float pointX) const
{
    const float step = m_cellSize + m_gap;
    const float x = pointX - m_origin.x;
    if (step <= 0.f || x < 0.f)
        return std::nullopt;
    const int column = static_cast<int>(std::floor(x / step));
    if (column >= m_columns)
        return std::nullopt;
    return column;
}

} // namespace engine
