#include <mqttgames/engine/TextField.hpp>

#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTarget.hpp>

#include <mqttgames/engine/Shapes.hpp>
#include <mqttgames/engine/Text.hpp>

namespace engine
{

namespace
{
constexpr unsigned CaptionSize = 14;
constexpr unsigned ValueSize = 20;

bool isPointIn(const sf::FloatRect& box, int x, int y)
{
    return box.contains(static_cast<float>(x), static_cast<float>(y));
}

void drawFrame(sf::RenderTarget& target, sf::RenderStates states, const Theme& theme, const sf::Font& font,
               const std::string& caption, sf::FloatRect box, bool focus, bool hover)
{
    target.draw(leftText(font, caption, CaptionSize, theme.mutedText, {box.left + 2.f, box.top - 14.f}), states);
    auto frame = roundedRect(box, 10.f, hover || focus ? theme.panelRaised : theme.panel);
    frame.setOutlineThickness(focus ? 2.f : 1.5f);
    frame.setOutlineColor(focus ? theme.accent : theme.outline);
    target.draw(frame, states);
}
} // namespace

TextField::TextField(const sf::Font& font, const Theme& theme, std::string caption, sf::FloatRect box, std::string text)
    : m_font(&font), m_theme(&theme), m_caption(std::move(caption)), m_box(box), m_text(std::move(text))
{
}

bool TextField::handleEvent(const sf::Event& event)
{
    switch (event.type)
    {
        case sf::Event::MouseMoved: m_hover = isPointIn(m_box, event.mouseMove.x, event.mouseMove.y); return false;
        case sf::Event::MouseButtonPressed:
            m_focus = isPointIn(m_box, event.mouseButton.x, event.mouseButton.y);
            return m_focus;
        case sf::Event::TextEntered:
        {
            if (!m_focus)
                return false;
            const char32_t c = event.text.unicode;
            if (c == U'\b')
            {
                // Erase one whole UTF-8 character.
                while (!m_text.empty() && (static_cast<unsigned char>(m_text.back()) & 0xC0) == 0x80)
                    m_text.pop_back();
                if (!m_text.empty())
                    m_text.pop_back();
            }
            else if (c >= 32 && c != 127 && (!m_filter || m_filter(c)) &&
                     sf::String(sf::String::fromUtf8(m_text.begin(), m_text.end())).getSize() < m_maxLength)
            {
                const sf::String added(static_cast<sf::Uint32>(c));
                const auto utf8 = added.toUtf8();
                m_text.append(utf8.begin(), utf8.end());
            }
            return true;
        }
        default: return false;
    }
}

void TextField::draw(sf::RenderTarget& target, sf::RenderStates states) const
{
    drawFrame(target, states, *m_theme, *m_font, m_caption, m_box, m_focus, m_hover);
    const sf::Vector2f anchor{m_box.left + 14.f, m_box.top + m_box.height / 2.f};
    const sf::Text value = leftText(*m_font, m_text, ValueSize, m_theme->text, anchor);
    target.draw(value, states);
    if (m_focus)
    {
        const float x = value.getGlobalBounds().left + value.getGlobalBounds().width + (m_text.empty() ? 0.f : 3.f);
        sf::RectangleShape caret({2.f, ValueSize + 4.f});
        caret.setPosition(std::max(x, anchor.x), anchor.y - (ValueSize + 4.f) / 2.f);
        caret.setFillColor(m_theme->accent);
        target.draw(caret, states);
    }
}

Selector::Selector(const sf::Font& font, const Theme& theme, std::string caption, sf::FloatRect box, std::vector<std::string> options, std::size_t index)
    : m_font(&font), m_theme(&theme), m_caption(std::move(caption)), m_box(box), m_options(std::move(options))
{
    if (m_options.empty())
        m_options.emplace_back();
    setIndex(index);
}

void Selector::setIndex(std::size_t index)
{
    m_index = index < m_options.size() ? index : 0;
}

void Selector::setOptions(std::vector<std::string> options, std::size_t index)
{
    m_options = std::move(options);
    if (m_options.empty())
        m_options.emplace_back();
    setIndex(index);
}

void Selector::step(int by)
{
    const auto count = static_cast<int>(m_options.size());
    m_index = static_cast<std::size_t>(((static_cast<int>(m_index) + by) % count + count) % count);
    if (m_onChange)
        m_onChange(m_index);
}

bool Selector::handleEvent(const sf::Event& event)
{
    switch (event.type)
    {
        case sf::Event::MouseMoved: m_hover = isPointIn(m_box, event.mouseMove.x, event.mouseMove.y); return false;
        case sf::Event::MouseButtonPressed:
            if (event.mouseButton.button != sf::Mouse::Left || !isPointIn(m_box, event.mouseButton.x, event.mouseButton.y))
                return false;
            step(event.mouseButton.x < m_box.left + m_box.width / 3.f ? -1 : 1);
            return true;
        case sf::Event::KeyPressed:
            if (!m_hover || (event.key.code != sf::Keyboard::Left && event.key.code != sf::Keyboard::Right))
                return false;
            step(event.key.code == sf::Keyboard::Left ? -1 : 1);
            return true;
        default: return false;
    }
}

void Selector::draw(sf::RenderTarget& target, sf::RenderStates states) const
{
    drawFrame(target, states, *m_theme, *m_font, m_caption, m_box, false, m_hover);
    const float middle = m_box.top + m_box.height / 2.f;
    const sf::Color arrows = m_options.size() > 1 ? m_theme->accent : m_theme->outline;
    target.draw(centredText(*m_font, "\xE2\x97\x80", 14, arrows, {m_box.left + 20.f, middle}), states);
    target.draw(centredText(*m_font, "\xE2\x96\xB6", 14, arrows, {m_box.left + m_box.width - 20.f, middle}), states);
    target.draw(centredText(*m_font, value(), 20, m_theme->text, {m_box.left + m_box.width / 2.f, middle}), states);
}

} // namespace engine
