#include <mqttgames/battleship/Placement.hpp>

#include <algorithm>

#include <SFML/Graphics/RenderTarget.hpp>

namespace battleship
{

namespace
{
constexpr float RefusedSeconds = 0.45f;
constexpr float ButtonGap = 12.f;

sf::FloatRect leftOf(sf::FloatRect box)
{
    box.left -= box.width + ButtonGap;
    return box;
}
} // namespace

Placement::Placement(const engine::FontHolder& fonts, const engine::Theme& theme, const SeaView& sea, sf::FloatRect ready)
    : m_theme(&theme),
      m_sea(&sea),
      m_randomButton(fonts.get(engine::FontId::Regular), theme, "Random", leftOf(ready), [this] { m_draft = Fleet::random(m_random); }),
      m_readyButton(fonts.get(engine::FontId::Bold), theme, "Ready", ready, [this] { m_readyPressed = true; }),
      m_random(std::random_device{}()),
      m_draft(Fleet::random(m_random))
{
    m_readyButton.setPrimary(true);
}

std::optional<std::string> Placement::handleEvent(const sf::Event& event, sf::Vector2f pointer)
{
    m_readyPressed = false;
    if (!m_drag && (m_randomButton.handleEvent(event, pointer) || m_readyButton.handleEvent(event, pointer)))
        return m_readyPressed ? std::optional("place " + m_draft.toText()) : std::nullopt;

    switch (event.type)
    {
        case sf::Event::MouseMoved:
            if (m_drag)
                follow(pointer);
            m_hoverShip = m_drag ? std::nullopt : shipAt(pointer);
            break;
        case sf::Event::MouseButtonPressed:
            if (event.mouseButton.button == sf::Mouse::Right)
                rotate(pointer);
            else if (event.mouseButton.button == sf::Mouse::Left)
                if (const auto index = shipAt(pointer))
                {
                    const Ship& ship = m_draft.ships()[*index];
                    const Coord cell = m_sea->nearestCell(pointer);
                    m_drag = Drag{*index, ship, std::max(cell.column - ship.origin.column, cell.row - ship.origin.row)};
                    m_hoverShip.reset();
                }
            break;
        case sf::Event::MouseButtonReleased:
            if (event.mouseButton.button == sf::Mouse::Left && m_drag)
            {
                // A drop where the ship does not fit sends it back where it was.
                if (dragFits())
                    replaceShip(m_drag->index, m_drag->ship);
                m_drag.reset();
                m_hoverShip = shipAt(pointer);
            }
            break;
        case sf::Event::KeyPressed:
            if (event.key.code == sf::Keyboard::R)
                rotate(pointer);
            else if (event.key.code == sf::Keyboard::Space && !m_drag)
                m_randomButton.press();
            else if (event.key.code == sf::Keyboard::Enter && !m_drag)
                return "place " + m_draft.toText();
            break;
        default: break;
    }
    return std::nullopt;
}

bool Placement::update(sf::Time dt)
{
    if (!m_refused)
        return false;
    m_refusedAge += dt.asSeconds();
    if (m_refusedAge >= RefusedSeconds)
        m_refused.reset();
    return true;
}

void Placement::cancel()
{
    m_drag.reset();
    m_hoverShip.reset();
}

std::optional<std::size_t> Placement::shipAt(sf::Vector2f pointer) const
{
    const auto cell = m_sea->cellAt(pointer);
    return cell ? m_draft.shipAt(*cell) : std::nullopt;
}

void Placement::follow(sf::Vector2f pointer)
{
    // The held cell stays under the pointer; the ship may hang over the edge (and shows red there).
    const Coord cell = m_sea->nearestCell(pointer);
    Ship& ship = m_drag->ship;
    const bool horizontal = ship.orientation == Orientation::Horizontal;
    ship.origin = {cell.column - (horizontal ? m_drag->held : 0), cell.row - (horizontal ? 0 : m_drag->held)};
    ship.origin.column = std::clamp(ship.origin.column, -ship.length, SeaSize);
    ship.origin.row = std::clamp(ship.origin.row, -ship.length, SeaSize);
}

void Placement::rotate(sf::Vector2f pointer)
{
    if (m_drag)
    {
        Ship& ship = m_drag->ship;
        ship.orientation = ship.orientation == Orientation::Horizontal ? Orientation::Vertical : Orientation::Horizontal;
        follow(pointer);
        return;
    }
    const auto index = shipAt(pointer);
    if (!index)
        return;
    Ship turned = m_draft.ships()[*index];
    turned.orientation = turned.orientation == Orientation::Horizontal ? Orientation::Vertical : Orientation::Horizontal;
    if (!replaceShip(*index, turned))
    {
        m_refused = index;
        m_refusedAge = 0.f;
    }
}

bool Placement::replaceShip(std::size_t index, const Ship& ship)
{
    if (!m_draft.canPlace(index, ship))
        return false;
    std::vector<Ship> ships = m_draft.ships();
    ships[index] = ship;
    auto fleet = Fleet::fromShips(std::move(ships));
    if (!fleet)
        return false;
    m_draft = std::move(*fleet);
    return true;
}

bool Placement::dragFits() const
{
    return m_drag && m_drag->ship.isInside() && m_draft.canPlace(m_drag->index, m_drag->ship);
}

void Placement::paint(SeaView& sea, sf::Color hull, sf::Color side) const
{
    const engine::Theme& theme = *m_theme;
    for (std::size_t i = 0; i < m_draft.ships().size(); ++i)
    {
        const Ship& ship = m_draft.ships()[i];
        if (m_drag && m_drag->index == i)
            sea.addShip(ship, engine::fade(hull, 0.25f), engine::fade(side, 0.35f), 1.5f); // where it came from
        else if (m_refused == i)
            sea.addShip(ship, engine::mix(theme.panelRaised, theme.bad, 0.45f), theme.bad);
        else
            sea.addShip(ship, m_hoverShip == i ? engine::mix(hull, theme.text, 0.18f) : hull, side);
    }
    if (m_drag)
    {
        const bool fits = dragFits();
        sea.addShip(m_drag->ship, fits ? engine::fade(engine::mix(hull, theme.text, 0.2f), 0.92f) : engine::fade(theme.bad, 0.55f),
                    fits ? theme.text : theme.bad, 2.5f);
    }
}

std::string Placement::stateKey() const
{
    std::string key = m_draft.toText();
    if (m_drag)
        key += "d" + std::to_string(m_drag->index) + toString(m_drag->ship);
    if (m_hoverShip)
        key += "s" + std::to_string(*m_hoverShip);
    if (m_refused)
        key += "r" + std::to_string(*m_refused);
    return key;
}

void Placement::draw(sf::RenderTarget& target, sf::RenderStates states) const
{
    target.draw(m_randomButton, states);
    target.draw(m_readyButton, states);
}

} // namespace battleship
