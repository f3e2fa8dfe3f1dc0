#include <mqttgames/battleship/SeaView.hpp>

#include <algorithm>
#include <cmath>

#include <SFML/Graphics/RenderTarget.hpp>

#include <mqttgames/engine/Shapes.hpp>
#include <mqttgames/engine/Text.hpp>

namespace battleship
{

namespace
{
constexpr float CellSize = 24.f;
constexpr float Gap = 2.f;
constexpr float LabelColumn = 20.f; // room for "10" left of the grid
constexpr float Inset = 10.f;
constexpr float GridTop = 62.f;
} // namespace

SeaView::SeaView(const engine::FontHolder& fonts, const engine::Theme& theme, sf::Vector2f topLeft, std::string title)
    : m_fonts(&fonts),
      m_theme(&theme),
      m_bounds(topLeft.x, topLeft.y, Width, Height),
      m_grid(SeaSize, SeaSize, CellSize, Gap, {topLeft.x + Inset + LabelColumn, topLeft.y + GridTop})
{
    m_panel = engine::roundedRect(m_bounds, 18.f, theme.panel);
    const sf::Font& bold = fonts.get(engine::FontId::Bold);
    m_title = engine::leftText(bold, title, 18, theme.text, {topLeft.x + 16.f, topLeft.y + 24.f});
    clear();
}

std::optional<Coord> SeaView::cellAt(sf::Vector2f point) const
{
    const Coord cell = nearestCell(point);
    const sf::FloatRect area = m_grid.bounds();
    const bool inside = point.x >= area.left - Gap / 2.f && point.x < area.left + area.width + Gap / 2.f &&
                        point.y >= area.top - Gap / 2.f && point.y < area.top + area.height + Gap / 2.f;
    if (!inside || !isInside(cell))
        return std::nullopt;
    return cell;
}

Coord SeaView::nearestCell(sf::Vector2f point) const
{
    const float step = CellSize + Gap;
    const sf::Vector2f from = point - m_grid.origin() + sf::Vector2f(Gap / 2.f, Gap / 2.f);
    return {static_cast<int>(std::floor(from.x / step)), static_cast<int>(std::floor(from.y / step))};
}

sf::FloatRect SeaView::cellBounds(Coord cell) const
{
    const float step = CellSize + Gap;
    return {m_grid.origin().x + cell.column * step, m_grid.origin().y + cell.row * step, CellSize, CellSize};
}

sf::Vector2f SeaView::cellCentre(Coord cell) const
{
    const sf::FloatRect box = cellBounds(cell);
    return {box.left + box.width / 2.f, box.top + box.height / 2.f};
}

void SeaView::clear()
{
    const sf::Font& regular = m_fonts->get(engine::FontId::Regular);
    m_tiles.clear();
    m_columnLabels.clear();
    m_rowLabels.clear();
    for (int index = 0; index < SeaCells; ++index)
        m_tiles.push_back(engine::roundedRect(cellBounds(coordAt(index)), 5.f, m_theme->panelRaised));
    for (int i = 0; i < SeaSize; ++i)
    {
        const sf::Vector2f column = cellCentre({i, 0});
        const sf::Vector2f row = cellCentre({0, i});
        m_columnLabels.push_back(engine::centredText(regular, std::string(1, static_cast<char>('A' + i)), 12,
                                                     m_theme->mutedText, {column.x, m_grid.origin().y - 12.f}));
        m_rowLabels.push_back(engine::centredText(regular, std::to_string(i + 1), 12, m_theme->mutedText,
                                                  {m_grid.origin().x - LabelColumn / 2.f - 2.f, row.y}));
    }
    m_roster.clear();
    m_cover = {};
    m_caption = sf::Text();
}

void SeaView::setCaption(const std::string& caption, sf::Color color)
{
    m_caption = engine::rightText(m_fonts->get(engine::FontId::Regular), caption, 13, color,
                                  {m_bounds.left + m_bounds.width - 16.f, m_bounds.top + 25.f});
}

void SeaView::tintTile(Coord cell, sf::Color color)
{
    if (isInside(cell))
        m_tiles[indexOf(cell)].setFillColor(color);
}

void SeaView::highlightLabels(Coord cell)
{
    if (!isInside(cell))
        return;
    m_columnLabels[cell.column].setFillColor(m_theme->accent);
    m_rowLabels[cell.row].setFillColor(m_theme->accent);
}

void SeaView::addShip(const Ship& ship, sf::Color fill, sf::Color outline, float outlineThickness)
{
    const Coord end = ship.orientation == Orientation::Horizontal ? Coord{ship.origin.column + ship.length - 1, ship.origin.row}
                                                                  : Coord{ship.origin.column, ship.origin.row + ship.length - 1};
    const sf::FloatRect first = cellBounds(ship.origin);
    const sf::FloatRect last = cellBounds(end);
    // A hull a little inside its cells, so neighbouring ships stay apart.
    const float inset = 2.5f;
    const sf::FloatRect hull(first.left + inset, first.top + inset, last.left + last.width - first.left - 2 * inset,
                             last.top + last.height - first.top - 2 * inset);
    auto shape = engine::roundedRect(hull, 9.f, fill);
    shape.setOutlineThickness(outlineThickness);
    shape.setOutlineColor(outline);
    m_cover.ships.push_back(std::move(shape));
}

void SeaView::addHit(Coord cell, sf::Color color)
{
    const sf::Vector2f centre = cellCentre(cell);
    sf::CircleShape glow(CellSize * 0.34f, 32);
    glow.setOrigin(glow.getRadius(), glow.getRadius());
    glow.setPosition(centre);
    glow.setFillColor(engine::fade(color, 0.35f));
    m_cover.marks.push_back(glow);
    sf::CircleShape core(CellSize * 0.2f, 32);
    core.setOrigin(core.getRadius(), core.getRadius());
    core.setPosition(centre);
    core.setFillColor(color);
    m_cover.marks.push_back(core);
}

void SeaView::addMiss(Coord cell)
{
    sf::CircleShape dot(CellSize * 0.1f, 20);
    dot.setOrigin(dot.getRadius(), dot.getRadius());
    dot.setPosition(cellCentre(cell));
    dot.setFillColor(m_theme->mutedText);
    m_cover.marks.push_back(dot);
}

void SeaView::addRing(Coord cell, sf::Color color)
{
    const sf::FloatRect box = cellBounds(cell);
    auto ring = engine::roundedRect({box.left - 1.f, box.top - 1.f, box.width + 2.f, box.height + 2.f}, 6.f, sf::Color::Transparent);
    ring.setOutlineThickness(2.f);
    ring.setOutlineColor(color);
    m_cover.rings.push_back(std::move(ring));
}

void SeaView::setRoster(const std::vector<int>& lengths, const std::vector<bool>& afloat, sf::Color afloatColor, sf::Color sunkColor)
{
    constexpr float Square = 9.f;
    constexpr float Step = 11.f;
    constexpr float ShipGap = 12.f;
    m_roster.clear();
    float x = m_grid.origin().x;
    const float y = m_grid.bounds().top + m_grid.bounds().height + 18.f - Square / 2.f;
    for (std::size_t i = 0; i < lengths.size(); ++i)
    {
        const bool floats = i < afloat.size() && afloat[i];
        for (int part = 0; part < lengths[i]; ++part, x += Step)
            m_roster.push_back(engine::roundedRect({x, y, Square, Square}, 2.5f, floats ? afloatColor : sunkColor));
        x += ShipGap - (Step - Square);
    }
}

void SeaView::setVeil(const std::string& headline, const std::string& detail)
{
    const sf::FloatRect area = m_grid.bounds();
    m_cover.veil = engine::roundedRect({area.left - 4.f, area.top - 4.f, area.width + 8.f, area.height + 8.f}, 10.f,
                                 engine::fade(m_theme->panel, 0.82f));
    const sf::Vector2f centre{area.left + area.width / 2.f, area.top + area.height / 2.f};
    m_cover.veilTexts.clear();
    m_cover.veilTexts.push_back(engine::centredText(m_fonts->get(engine::FontId::Bold), headline, 17, m_theme->text,
                                              {centre.x, centre.y - (detail.empty() ? 0.f : 12.f)}));
    if (!detail.empty())
        m_cover.veilTexts.push_back(engine::centredText(m_fonts->get(engine::FontId::Regular), detail, 13, m_theme->mutedText,
                                                  {centre.x, centre.y + 14.f}));
}

void SeaView::draw(sf::RenderTarget& target, sf::RenderStates states) const
{
    target.draw(m_panel, states);
    target.draw(m_title, states);
    target.draw(m_caption, states);
    for (const auto& label : m_columnLabels)
        target.draw(label, states);
    for (const auto& label : m_rowLabels)
        target.draw(label, states);
    for (const auto& tile : m_tiles)
        target.draw(tile, states);
    for (const auto& ship : m_cover.ships)
        target.draw(ship, states);
    for (const auto& square : m_roster)
        target.draw(square, states);
    for (const auto& mark : m_cover.marks)
        target.draw(mark, states);
    for (const auto& ring : m_cover.rings)
        target.draw(ring, states);
    if (m_cover.veil)
    {
        target.draw(*m_cover.veil, states);
        for (const auto& text : m_cover.veilTexts)
            target.draw(text, states);
    }
}

} // namespace battleship
