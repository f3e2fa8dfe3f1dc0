#pragma once

#include <functional>
#include <string>

#include <SFML/Graphics/Drawable.hpp>
#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Window/Event.hpp>

#include <mqttgames/engine/Theme.hpp>

namespace engine
{

/// A clickable button with a label; primary buttons are filled with the accent colour.
/// `font` and `theme` are borrowed and outlive it. Main thread only.
class Button : public sf::Drawable
{
public:
    Button(const sf::Font& font, const Theme& theme, std::string label, sf::FloatRect box, std::function<void()> onClick);

    /// Hover and clicks (in design units); true when the event was the button's.
    bool handleEvent(const sf::Event& event);
    void setLabel(std::string label) { m_label = std::move(label); }
    void setPrimary(bool primary) { m_primary = primary; }
    void setEnabled(bool enabled) { m_enabled = enabled; }
    bool isEnabled() const { return m_enabled; }
    sf::FloatRect bounds() const { return m_box; }
    /// Runs the action, as a click would (keyboard shortcuts).
    void press();

private:
    void draw(sf::RenderTarget& target, sf::RenderStates states) const override;

    const sf::Font* m_font;
    const Theme* m_theme;
    std::string m_label;
    sf::FloatRect m_box;
    std::function<void()> m_onClick;
    bool m_hover = false;
    bool m_primary = false;
    bool m_enabled = true;
};

} // namespace engine
