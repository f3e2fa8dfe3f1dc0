#pragma once

#include <optional>
#include <string>
#include <vector>

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/Drawable.hpp>
#include <SFML/Graphics/Text.hpp>

#include <mqttgames/battleship/Ship.hpp>
#include <mqttgames/engine/Assets.hpp>
#include <mqttgames/engine/GridGeometry.hpp>
#include <mqttgames/engine/Theme.hpp>

namespace battleship
{

/// One sea on screen: a panel with a title and a caption, A-J and 1-10 labels, 10 x 10 water tiles,
/// and what lies on it (ships, hits, misses, rings, a veil with a message). Filled by View with
/// add*() after clear() whenever the round changes; draw() only draws. `fonts` and `theme` are
/// borrowed and outlive it.
class SeaView : public sf::Drawable
{
public:
    static constexpr float Width = 296.f;
    static constexpr float Height = 356.f;

    SeaView(const engine::FontHolder& fonts, const engine::Theme& theme, sf::Vector2f topLeft, std::string title);

    const engine::GridGeometry& grid() const { return m_grid; }
    sf::FloatRect bounds() const { return m_bounds; }
    /// The cell under a point, gaps counted with the nearest cell; nothing off the grid.
    std::optional<Coord> cellAt(sf::Vector2f point) const;
    /// The cell a point would be in if the grid went on forever (for dragging ships past the edge).
    Coord nearestCell(sf::Vector2f point) const;
    sf::FloatRect cellBounds(Coord cell) const;
    sf::Vector2f cellCentre(Coord cell) const;

    /// Back to empty water, nothing highlighted.
    void clear();
    void setCaption(const std::string& caption, sf::Color color);
    /// The heading above the grid ("Your fleet").
    void setTitle(const std::string& title) { m_title.setString(title); }
    /// Colours one water tile (hover, miss, hit).
    void tintTile(Coord cell, sf::Color color);
    /// Marks the labels of a cell's column and row (the hovered cell).
    void highlightLabels(Coord cell);
    /// A ship over its cells (cells outside the sea allowed: a ship being dragged).
    void addShip(const Ship& ship, sf::Color fill, sf::Color outline, float outlineThickness = 2.f);
    /// A hit: a burst of `color` on the cell.
    void addHit(Coord cell, sf::Color color);
    /// A miss: a small splash dot.
    void addMiss(Coord cell);
    /// A ring round the cell (the last shot, the aim).
    void addRing(Coord cell, sf::Color color);
    /// The fleet in brief under the grid: one row of small squares per ship, afloat or sunk.
    void setRoster(const std::vector<int>& lengths, const std::vector<bool>& afloat, sf::Color afloatColor, sf::Color sunkColor);
    /// Covers the grid with a translucent veil and a message, two lines at most.
    void setVeil(const std::string& headline, const std::string& detail);

private:
    void draw(sf::RenderTarget& target, sf::RenderStates states) const override;

    const engine::FontHolder* m_fonts;
    const engine::Theme* m_theme;
    sf::FloatRect m_bounds;
    engine::GridGeometry m_grid;
    sf::ConvexShape m_panel;
    sf::Text m_title;
    sf::Text m_caption;
    std::vector<sf::Text> m_columnLabels;
    std::vector<sf::Text> m_rowLabels;
    std::vector<sf::ConvexShape> m_tiles;
    std::vector<sf::ConvexShape> m_roster;
    /// What lies on the water, emptied by clear().
    struct
    {
        std::vector<sf::ConvexShape> ships;
        std::vector<sf::CircleShape> marks; ///< hits and misses
        std::vector<sf::ConvexShape> rings;
        std::optional<sf::ConvexShape> veil;
        std::vector<sf::Text> veilTexts;
    } m_cover;
};

} // namespace battleship
