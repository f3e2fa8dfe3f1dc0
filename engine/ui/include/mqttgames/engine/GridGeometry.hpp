#pragma once

#include <optional>

#include <SFML/Graphics/Rect.hpp>
#include <SFML/System/Vector2.hpp>

namespace engine
{

/// A cell of a grid: row 0 is the top, column 0 the left.
struct Cell
{
    int row = 0;
    int column = 0;

    friend bool operator==(const Cell&, const Cell&) = default;
};

/// The geometry of a rows x columns board of square cells with gaps between them, placed at
/// `origin`. Pure arithmetic: no drawing. Points are in the same units as `origin`.
class GridGeometry
{
public:
    GridGeometry() = default;
    GridGeometry(int rows, int columns, float cellSize, float gap = 0.f, sf::Vector2f origin = {});

    /// The largest square cells that fit the grid into `area`, centred there.
    static GridGeometry fit(int rows, int columns, sf::FloatRect area, float gapRatio = 0.f);

    int rows() const { return m_rows; }
    int columns() const { return m_columns; }
    float cellSize() const { return m_cellSize; }
    float gap() const { return m_gap; }
    sf::Vector2f origin() const { return m_origin; }
    sf::Vector2f size() const;
    sf::FloatRect bounds() const;

    /// The square of a cell.
    sf::FloatRect cellBounds(Cell cell) const;
    sf::Vector2f cellCentre(Cell cell) const;
    /// The cell under a point; nothing off the grid or in a gap.
    std::optional<Cell> cellAt(sf::Vector2f point) const;
    /// The column under a point's x (for games that take column clicks), nothing off the grid.
    std::optional<int> columnAt(float x) const;
    /// Row-major index of a cell, and back.
    int indexOf(Cell cell) const { return cell.row * m_columns + cell.column; }
    Cell cellOf(int index) const { return {index / m_columns, index % m_columns}; }

private:
    int m_rows = 0;
    int m_columns = 0;
    float m_cellSize = 0.f;
    float m_gap = 0.f;
    sf::Vector2f m_origin;
};

} // namespace engine
