#include "Overlays.hpp"

#include <chrono>
#include <cmath>

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTarget.hpp>

#include <mqttgames/engine/Context.hpp>
#include <mqttgames/engine/SceneStack.hpp>
#include <mqttgames/engine/Shapes.hpp>
#include <mqttgames/engine/Text.hpp>

namespace engine
{

namespace
{
constexpr float CardWidth = 460.f;
constexpr float CardHeight = 250.f;

sf::FloatRect cardArea(sf::Vector2f designSize)
{
    return {(designSize.x - CardWidth) / 2.f, (designSize.y - CardHeight) / 2.f, CardWidth, CardHeight};
}

// A partner's name can be long: shrink a line to the card rather than spill over its edges.
sf::Text fitted(sf::Text text, float width)
{
    const float natural = text.getLocalBounds().width;
    if (natural > width)
        text.setScale(width / natural, width / natural);
    return text;
}
} // namespace

sf::FloatRect roundOverPanelArea(sf::Vector2f designSize)
{
    return {16.f, designSize.y - 16.f - 84.f, designSize.x - 32.f, 84.f};
}

WaitingOverlay::WaitingOverlay(SceneStack& stack, Match& match, std::string whereText, std::function<void()> leave)
    : Scene(stack),
      m_match(&match),
      m_where(std::move(whereText)),
      m_leave(std::move(leave)),
      m_action(context().fonts.get(FontId::Bold), context().theme, "", {}, [this]
               {
                   if (m_phase == Phase::PartnerLeft)
                       m_match->lookForPartner();
                   else if (m_phase == Phase::Failed)
                       m_match->connect();
               }),
      m_menu(context().fonts.get(FontId::Regular), context().theme, "Menu", {}, [this] { m_leave(); })
{
    m_action.setPrimary(true);
    layoutButtons();
}

void WaitingOverlay::layoutButtons()
{
    const sf::FloatRect card = cardArea(context().size);
    const float y = card.top + card.height - 24.f - 48.f;
    const bool twoButtons = m_phase == Phase::PartnerLeft || m_phase == Phase::Failed;
    if (twoButtons)
    {
        m_action = Button(context().fonts.get(FontId::Bold), context().theme,
                          m_phase == Phase::PartnerLeft ? "Wait for a new partner" : "Try again",
                          {card.left + 24.f, y, card.width - 48.f - 140.f - 12.f, 48.f}, [this]
                          {
                              if (m_phase == Phase::PartnerLeft)
                                  m_match->lookForPartner();
                              else
                                  m_match->connect();
                          });
        m_action.setPrimary(true);
        m_menu = Button(context().fonts.get(FontId::Regular), context().theme, "Menu",
                        {card.left + card.width - 24.f - 140.f, y, 140.f, 48.f}, [this] { m_leave(); });
    }
    else
    {
        const bool fault = m_phase == Phase::PartnerAway || m_phase == Phase::Reconnecting;
        m_menu = Button(context().fonts.get(FontId::Regular), context().theme, fault ? "Menu" : "Cancel",
                        {card.left + (card.width - 160.f) / 2.f, y, 160.f, 48.f}, [this] { m_leave(); });
    }
}

bool WaitingOverlay::handleEvent(const sf::Event& event)
{
    if (m_phase == Phase::PartnerLeft || m_phase == Phase::Failed)
        m_action.handleEvent(event);
    m_menu.handleEvent(event);
    return passesThrough(event);
}

bool WaitingOverlay::passesThrough(const sf::Event& event)
{
    // The card blocks moves, not the window: leaving (Escape), closing, resizing, focus and the
    // pointer's position still reach the play scene below, which takes no action under the card.
    switch (event.type)
    {
        case sf::Event::KeyPressed: return event.key.code == sf::Keyboard::Escape;
        case sf::Event::Closed:
        case sf::Event::Resized:
        case sf::Event::LostFocus:
        case sf::Event::GainedFocus:
        case sf::Event::MouseMoved:
        case sf::Event::MouseEntered:
        case sf::Event::MouseLeft: return true;
        default: return false;
    }
}

bool WaitingOverlay::update(sf::Time dt)
{
    m_clock += dt.asSeconds();
    const Phase phase = m_match->session().phase();
    if (phase != m_phase)
    {
        m_phase = phase;
        layoutButtons();
    }
    return true;
}

bool WaitingOverlay::isAnimating() const
{
    return m_phase == Phase::Connecting || m_phase == Phase::WaitingForPartner || m_phase == Phase::PartnerAway ||
           m_phase == Phase::Reconnecting;
}

void WaitingOverlay::draw(sf::RenderTarget& target) const
{
    const Theme& theme = context().theme;
    const sf::Font& bold = context().fonts.get(FontId::Bold);
    const sf::Font& regular = context().fonts.get(FontId::Regular);
    sf::RectangleShape veil({context().size.x, context().size.y - 108.f});
    veil.setPosition(0.f, 108.f);
    veil.setFillColor(fade(theme.background, 0.82f));
    target.draw(veil);

    const sf::FloatRect card = cardArea(context().size);
    auto shape = roundedRect(card, 20.f, theme.panel);
    shape.setOutlineThickness(1.5f);
    shape.setOutlineColor(theme.outline);
    target.draw(shape);

    const Session& session = m_match->session();
    const std::string partner = session.partnerName().empty() ? std::string("Your partner") : session.partnerName();
    std::string title;
    std::string detail;
    sf::Color titleColor = theme.text;
    switch (m_phase)
    {
        case Phase::Failed:
            title = "Cannot reach the broker";
            detail = session.failure();
            titleColor = theme.bad;
            break;
        case Phase::PartnerLeft:
            title = session.gaveUpWaiting() ? "Gave up waiting" : partner + " left";
            detail = session.gaveUpWaiting() ? partner + " did not come back in time." : "Wait here for someone new, or go back.";
            titleColor = theme.warning;
            break;
        case Phase::PartnerAway:
        {
            const auto left = std::chrono::duration_cast<std::chrono::seconds>(session.graceLeft() + std::chrono::milliseconds(999));
            title = "Partner away";
            detail = partner + " lost the connection \xE2\x80\x94 waiting up to " + std::to_string(left.count()) + " s";
            titleColor = theme.warning;
            break;
        }
        case Phase::Reconnecting:
            title = "Connection lost";
            detail = "Reconnecting\xE2\x80\xA6 the game goes on where it was";
            titleColor = theme.warning;
            break;
        case Phase::Connecting:
            title = "Connecting";
            detail = m_where;
            break;
        default:
            title = "Waiting for a partner";
            detail = m_where;
            break;
    }
    const float centreX = card.left + card.width / 2.f;
    target.draw(fitted(centredText(bold, title, 26, titleColor, {centreX, card.top + 48.f}), card.width - 32.f));
    target.draw(fitted(centredText(regular, detail, 16, theme.mutedText, {centreX, card.top + 88.f}), card.width - 32.f));

    if (isAnimating())
    {
        // Three dots breathing in turn.
        for (int i = 0; i < 3; ++i)
        {
            const float wave = 0.5f + 0.5f * std::sin(m_clock * 5.f - i * 0.9f);
            sf::CircleShape dot(5.f + 2.f * wave, 24);
            dot.setOrigin(dot.getRadius(), dot.getRadius());
            dot.setPosition(centreX + (i - 1) * 26.f, card.top + 130.f);
            dot.setFillColor(fade(theme.accent, 0.35f + 0.65f * wave));
            target.draw(dot);
        }
    }
    if (m_phase == Phase::PartnerLeft || m_phase == Phase::Failed)
        target.draw(m_action);
    target.draw(m_menu);
}

RoundOverPanel::RoundOverPanel(SceneStack& stack, Match& match, std::function<void()> leave)
    : Scene(stack),
      m_match(&match),
      m_leave(std::move(leave)),
      m_again(context().fonts.get(FontId::Bold), context().theme, "Play again", {}, [this] { m_match->session().requestRematch(); }),
      m_menu(context().fonts.get(FontId::Regular), context().theme, "Menu", {}, [this] { m_leave(); })
{
    const sf::FloatRect panel = roundOverPanelArea(context().size);
    const float y = panel.top + (panel.height - 48.f) / 2.f;
    m_menu = Button(context().fonts.get(FontId::Regular), context().theme, "Menu",
                    {panel.left + panel.width - 18.f - 100.f, y, 100.f, 48.f}, [this] { m_leave(); });
    m_again = Button(context().fonts.get(FontId::Bold), context().theme, "Play again",
                     {panel.left + panel.width - 18.f - 100.f - 12.f - 160.f, y, 160.f, 48.f},
                     [this] { m_match->session().requestRematch(); });
    m_again.setPrimary(true);
}

bool RoundOverPanel::handleEvent(const sf::Event& event)
{
    if (event.type == sf::Event::KeyPressed && (event.key.code == sf::Keyboard::Enter || event.key.code == sf::Keyboard::Space))
        m_again.press();
    m_again.handleEvent(event);
    m_menu.handleEvent(event);
    return event.type == sf::Event::KeyPressed; // Escape still reaches the play scene
}

bool RoundOverPanel::update(sf::Time dt)
{
    m_age += dt.asSeconds();
    const Session& session = m_match->session();
    m_again.setEnabled(!session.localWantsRematch());
    m_again.setLabel(session.localWantsRematch() ? "Asked\xE2\x80\xA6" : "Play again");
    return true;
}

void RoundOverPanel::draw(sf::RenderTarget& target) const
{
    const Theme& theme = context().theme;
    const Session& session = m_match->session();
    const sf::FloatRect panel = roundOverPanelArea(context().size);
    const float rise = 12.f * std::pow(1.f - std::min(1.f, m_age / 0.25f), 2.f);
    sf::RenderStates states;
    states.transform.translate(0.f, rise);
    auto shape = roundedRect(panel, 16.f, theme.panel);
    shape.setOutlineThickness(1.5f);
    shape.setOutlineColor(theme.outline);
    target.draw(shape, states);

    const Outcome outcome = session.outcome();
    std::string headline = outcome == Outcome::Won ? "You win!" : outcome == Outcome::Lost ? "You lose" : "It's a draw";
    if (session.wasConceded())
        headline = outcome == Outcome::Won ? "You win: " + session.resultText() : session.resultText();
    const sf::Color color = outcome == Outcome::Won ? theme.good : outcome == Outcome::Lost ? theme.bad : theme.text;
    const float left = panel.left + 22.f;
    target.draw(leftText(context().fonts.get(FontId::Bold), headline, 26, color, {left, panel.top + 30.f}), states);

    const std::string partner = session.partnerName().empty() ? "Partner" : session.partnerName();
    std::string detail = session.scoreText(" \xC2\xB7 ");
    if (session.partnerWantsRematch() && !session.localWantsRematch())
        detail = partner + " wants to play again";
    else if (session.localWantsRematch())
        detail = "Waiting for " + partner + "\xE2\x80\xA6";
    target.draw(leftText(context().fonts.get(FontId::Regular), detail, 16, theme.mutedText, {left, panel.top + 60.f}), states);
    target.draw(m_again, states);
    target.draw(m_menu, states);
}

} // namespace engine
