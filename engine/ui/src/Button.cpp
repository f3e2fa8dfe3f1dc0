#include <mqttgames/engine/Button.hpp>

#include <optional>

#include <SFML/Graphics/RenderTarget.hpp>

#include <mqttgames/engine/Shapes.hpp>
#include <mqttgames/engine/Text.hpp>

namespace engine
{

Button::Button(const sf::Font& font, const Theme& theme, std::string label, sf::FloatRect box, std::function<void()> onClick)
    : m_font(&font), m_theme(&theme), m_label(std::move(label)), m_box(box), m_onClick(std::move(onClick))
{
}

namespace
{
// The pointer's position carried by a mouse event, if it carries one.
std::optional<sf::Vector2i> pointerOf(const sf::Event& event)
{
    if (event.type == sf::Event::MouseMoved)
        return sf::Vector2i{event.mouseMove.x, event.mouseMove.y};
    if (event.type == sf::Event::MouseButtonPressed || event.type == sf::Event::MouseButtonReleased)
        return sf::Vector2i{event.mouseButton.x, event.mouseButton.y};
    return std::nullopt;
}
} // namespace

bool Button::handleEvent(const sf::Event& event)
{
    const auto pointer = pointerOf(event);
    return pointer && handlePoint(event, sf::Vector2f(*pointer));
}

bool Button::handleEvent(const sf::Event& event, sf::Vector2f pointer)
{
    return pointerOf(event) && handlePoint(event, pointer);
}

bool Button::handleEvent(const sf::Event& event, const sf::RenderTarget& target)
{
    const auto pointer = pointerOf(event);
    return pointer && handlePoint(event, target.mapPixelToCoords(*pointer));
}

bool Button::handlePoint(const sf::Event& event, sf::Vector2f point)
{
    if (event.type == sf::Event::MouseMoved)
    {
        m_hover = m_box.contains(point);
        return false; // others may track the pointer too
    }
    if (event.type == sf::Event::MouseButtonPressed && event.mouseButton.button == sf::Mouse::Left && m_box.contains(point))
    {
        press();
        return true;
    }
    return false;
}

void Button::press()
{
    if (m_enabled && m_onClick)
        m_onClick();
}

void Button::draw(sf::RenderTarget& target, sf::RenderStates states) const
{
    sf::Color fill = m_primary ? m_theme->accent : m_theme->panelRaised;
    sf::Color ink = m_primary ? m_theme->background : m_theme->text;
    if (!m_enabled)
    {
        fill = m_theme->panel;
        ink = m_theme->mutedText;
    }
    else if (m_hover)
        fill = mix(fill, sf::Color::White, 0.12f);
    auto shape = roundedRect(m_box, 12.f, fill);
    if (!m_primary)
    {
        shape.setOutlineThickness(1.5f);
        shape.setOutlineColor(m_enabled ? m_theme->outline : m_theme->panelRaised);
    }
    target.draw(shape, states);
    target.draw(centredText(*m_font, m_label, m_textSize, ink, {m_box.left + m_box.width / 2.f, m_box.top + m_box.height / 2.f}), states);
}

} // namespace engine
