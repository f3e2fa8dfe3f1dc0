#include <mqttgames/engine/Button.hpp>

#include <SFML/Graphics/RenderTarget.hpp>

#include <mqttgames/engine/Shapes.hpp>
#include <mqttgames/engine/Text.hpp>

namespace engine
{

Button::Button(const sf::Font& font, const Theme& theme, std::string label, sf::FloatRect box, std::function<void()> onClick)
    : m_font(&font), m_theme(&theme), m_label(std::move(label)), m_box(box), m_onClick(std::move(onClick))
{
}

bool Button::handleEvent(const sf::Event& event)
{
    if (event.type == sf::Event::MouseMoved)
    {
        m_hover = m_box.contains(static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y));
        return false; // others may track the pointer too
    }
    if (event.type == sf::Event::MouseButtonPressed && event.mouseButton.button == sf::Mouse::Left &&
        m_box.contains(static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)))
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
    target.draw(centredText(*m_font, m_label, 20, ink, {m_box.left + m_box.width / 2.f, m_box.top + m_box.height / 2.f}), states);
}

} // namespace engine
