#include <mqttgames/engine/StatusBar.hpp>

#include <algorithm>

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/RenderTarget.hpp>

#include <mqttgames/engine/Shapes.hpp>
#include <mqttgames/engine/Text.hpp>

namespace engine
{

StatusBar::StatusBar(const FontHolder& fonts, const Theme& theme, sf::FloatRect box)
    : m_fonts(&fonts), m_theme(&theme), m_box(box)
{
}

void StatusBar::draw(sf::RenderTarget& target, sf::RenderStates states) const
{
    const sf::Font& regular = m_fonts->get(FontId::Regular);
    const sf::Font& bold = m_fonts->get(FontId::Bold);
    target.draw(roundedRect(m_box, 16.f, m_theme->panel), states);
    const float middle = m_box.top + m_box.height / 2.f;
    const float left = m_box.left + 18.f;
    const float right = m_box.left + m_box.width - 18.f;

    // Left: "You" and a badge with the side's mark in its colour.
    float leftEnd = left;
    if (!m_content.side.empty())
    {
        const sf::Text you = leftText(regular, "You", 15, m_theme->mutedText, {left, middle - 11.f});
        const sf::Text side = leftText(bold, m_content.side, 22, m_content.sideColor, {left, middle + 11.f});
        target.draw(you, states);
        target.draw(side, states);
        leftEnd = std::max(you.getGlobalBounds().left + you.getGlobalBounds().width, side.getGlobalBounds().left + side.getGlobalBounds().width);
    }

    // Each side's clock beside it: bright while it runs.
    const auto clockColour = [&](bool runs) { return runs ? m_theme->accent : m_theme->mutedText; };
    if (!m_content.localClock.empty())
    {
        const sf::Text clock = leftText(bold, m_content.localClock, 20, clockColour(m_content.localClockRuns), {leftEnd + 16.f, middle});
        target.draw(clock, states);
        leftEnd = clock.getGlobalBounds().left + clock.getGlobalBounds().width;
    }

    // Right: the partner with a dot for the connection state; the state in words beneath.
    const sf::Text partner = rightText(regular, m_content.partner.empty() ? "no partner yet" : m_content.partner, 17, m_theme->text, {right, middle - 10.f});
    target.draw(partner, states);
    sf::CircleShape dot(5.f, 24);
    dot.setOrigin(5.f, 5.f);
    dot.setPosition(partner.getGlobalBounds().left - 12.f, middle - 9.f);
    dot.setFillColor(m_content.connectionColor);
    target.draw(dot, states);
    const sf::Text connection = rightText(regular, m_content.connection, 13, m_theme->mutedText, {right, middle + 13.f});
    target.draw(connection, states);
    float rightStart = std::min(dot.getPosition().x - 5.f, connection.getGlobalBounds().left);
    if (!m_content.partnerClock.empty())
    {
        const sf::Text clock = rightText(bold, m_content.partnerClock, 20, clockColour(m_content.partnerClockRuns), {rightStart - 16.f, middle});
        target.draw(clock, states);
        rightStart = clock.getGlobalBounds().left;
    }

    // The middle: smaller when long, so that it never runs into either side.
    const float centre = m_box.left + m_box.width / 2.f;
    const float room = 2.f * std::min(centre - leftEnd, rightStart - centre) - 24.f;
    unsigned size = 24;
    sf::Text turn = centredText(bold, m_content.turn, size, m_content.turnColor, {centre, middle});
    while (size > 14 && turn.getLocalBounds().width > room)
        turn = centredText(bold, m_content.turn, --size, m_content.turnColor, {centre, middle});
    target.draw(turn, states);
}

} // namespace engine
