#pragma once

#include <functional>
#include <string>

#include <SFML/Graphics/Drawable.hpp>
#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Graphics/RenderTarget.hpp>
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

    /// Hover and clicks, the event's coordinates already in the button's units (design units in a
    /// scene); true when the event was the button's.
    bool handleEvent(const sf::Event& event);
    /// The same, the pointer given apart in the button's units (a button inside a scaled or moved
    /// view: the pointer as the view sees it); the event's own coordinates are not read.
    bool handleEvent(const sf::Event& event, sf::Vector2f pointer);
    /// The same, for an event in window pixels: mapped through the target's current view, so clicks
    /// land right when the window letterboxes or scales the design.
    bool handleEvent(const sf::Event& event, const sf::RenderTarget& target);
    void setLabel(std::string label) { m_label = std::move(label); }
    void setPrimary(bool primary) { m_primary = primary; }
    void setEnabled(bool enabled) { m_enabled = enabled; }
    /// The label's size in points (20 unless set).
    void setTextSize(unsigned size) { m_textSize = size; }
    bool isEnabled() const { return m_enabled; }
    sf::FloatRect bounds() const { return m_box; }
    /// Runs the action, as a click would (keyboard shortcuts).
    void press();

private:
    bool handlePoint(const sf::Event& event, sf::Vector2f point);
    void draw(sf::RenderTarget& target, sf::RenderStates states) const override;

    const sf::Font* m_font;
    const Theme* m_theme;
    std::string m_label;
    sf::FloatRect m_box;
    std::function<void()> m_onClick;
    bool m_hover = false;
    bool m_primary = false;
    bool m_enabled = true;
    unsigned m_textSize = 20;
};

} // namespace engine
