#pragma once

#include <functional>
#include <string>
#include <vector>

#include <SFML/Graphics/Drawable.hpp>
#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Window/Event.hpp>

#include <mqttgames/engine/Theme.hpp>

namespace engine
{

/// A one-line text input with a caption above it. Click to focus, type, Backspace to erase.
/// `font` and `theme` are borrowed and outlive it. Main thread only.
class TextField : public sf::Drawable
{
public:
    /// Which characters may be typed (printable ASCII by default).
    using Filter = std::function<bool(char32_t)>;

    TextField(const sf::Font& font, const Theme& theme, std::string caption, sf::FloatRect box, std::string text = "");

    /// Focus by click, and typing while focused; true when the event was the field's.
    bool handleEvent(const sf::Event& event);
    const std::string& text() const { return m_text; }
    void setText(std::string text) { m_text = std::move(text); }
    void setFilter(Filter filter) { m_filter = std::move(filter); }
    void setMaxLength(std::size_t length) { m_maxLength = length; }
    bool hasFocus() const { return m_focus; }
    void setFocus(bool focus) { m_focus = focus; }
    sf::FloatRect bounds() const { return m_box; }

private:
    void draw(sf::RenderTarget& target, sf::RenderStates states) const override;

    const sf::Font* m_font;
    const Theme* m_theme;
    std::string m_caption;
    sf::FloatRect m_box;
    std::string m_text;
    Filter m_filter;
    std::size_t m_maxLength = 40;
    bool m_focus = false;
    bool m_hover = false;
};

/// A choice among a few options shown as "‹ option ›"; a click on either half steps back or forward.
class Selector : public sf::Drawable
{
public:
    Selector(const sf::Font& font, const Theme& theme, std::string caption, sf::FloatRect box, std::vector<std::string> options, std::size_t index = 0);

    /// Clicks (and Left/Right while hovered); true when the event was the selector's.
    bool handleEvent(const sf::Event& event);
    std::size_t index() const { return m_index; }
    void setIndex(std::size_t index);
    const std::string& value() const { return m_options[m_index]; }
    void setOptions(std::vector<std::string> options, std::size_t index = 0);
    void setOnChange(std::function<void(std::size_t)> onChange) { m_onChange = std::move(onChange); }
    sf::FloatRect bounds() const { return m_box; }

private:
    void step(int by);
    void draw(sf::RenderTarget& target, sf::RenderStates states) const override;

    const sf::Font* m_font;
    const Theme* m_theme;
    std::string m_caption;
    sf::FloatRect m_box;
    std::vector<std::string> m_options;
    std::size_t m_index = 0;
    std::function<void(std::size_t)> m_onChange;
    bool m_hover = false;
};

} // namespace engine
