#include "PlayFooter.hpp"

#include <SFML/Graphics/RenderTarget.hpp>

#include <mqttgames/engine/Text.hpp>

namespace engine
{

namespace
{
constexpr float ButtonHeight = 34.f;
constexpr float Gap = 8.f;
constexpr unsigned ButtonText = 15;

// A button of `width` whose right edge is `right`, in the footer's first row.
sf::FloatRect buttonAt(const sf::FloatRect& box, float right, float width)
{
    return {right - width, box.top + 6.f, width, ButtonHeight};
}
} // namespace

PlayFooter::PlayFooter(const FontHolder& fonts, const Theme& theme, sf::FloatRect box, Match& match)
    : m_fonts(&fonts),
      m_theme(&theme),
      m_box(box),
      m_match(&match),
      m_resign(fonts.get(FontId::Regular), theme, "Resign", buttonAt(box, box.left + box.width, 84.f), [this] { m_match->session().resign(); }),
      m_draw(fonts.get(FontId::Regular), theme, "Offer draw", buttonAt(box, box.left + box.width - 84.f - Gap, 104.f),
             [this] { m_match->session().propose(Session::Proposal::Draw); }),
      m_takeBack(fonts.get(FontId::Regular), theme, "Take back", buttonAt(box, box.left + box.width - 84.f - 104.f - 2 * Gap, 100.f),
                 [this] { m_match->session().propose(Session::Proposal::Takeback); }),
      m_accept(fonts.get(FontId::Bold), theme, "Accept", buttonAt(box, box.left + box.width - 96.f - Gap, 96.f),
               [this] { m_match->session().answer(true); }),
      m_decline(fonts.get(FontId::Regular), theme, "Decline", buttonAt(box, box.left + box.width, 96.f),
                [this] { m_match->session().answer(false); })
{
    for (Button* button : {&m_resign, &m_draw, &m_takeBack, &m_accept, &m_decline})
        button->setTextSize(ButtonText);
    m_accept.setPrimary(true);
}

bool PlayFooter::handleEvent(const sf::Event& event)
{
    switch (m_mode)
    {
        case Mode::Quiet: return false;
        case Mode::Courtesy:
        {
            bool taken = m_resign.handleEvent(event);
            taken = m_draw.handleEvent(event) || taken;
            if (m_match->session().game().info().takesBack)
                taken = m_takeBack.handleEvent(event) || taken;
            return taken;
        }
        case Mode::Answering:
        {
            const bool accepted = m_accept.handleEvent(event);
            const bool declined = m_decline.handleEvent(event); // both see every move of the pointer
            return accepted || declined;
        }
    }
    return false;
}

void PlayFooter::update()
{
    const Session& session = m_match->session();
    const bool person = !m_match->settings().botLevel;
    const bool playing = session.phase() == Phase::Playing && session.round();
    const std::string partner = session.partnerName().empty() ? "The partner" : session.partnerName();
    m_mode = !person || !playing ? Mode::Quiet : session.partnerProposal() ? Mode::Answering : Mode::Courtesy;
    m_textIsNotice = !session.notice().empty();
    m_text = m_textIsNotice                                                 ? session.notice()
             : session.phase() == Phase::Playing && !session.partnerName().empty() ? session.scoreText("  \xC2\xB7  ")
                                                                                 : std::string();
    if (m_mode == Mode::Answering)
    {
        m_textIsNotice = false;
        m_text = partner + (session.partnerProposal() == Session::Proposal::Draw ? " offers a draw" : " asks to take its move back");
    }
    else if (m_mode == Mode::Courtesy && session.localProposal() && !m_textIsNotice)
        m_text = std::string(session.localProposal() == Session::Proposal::Draw ? "Draw offered" : "Takeback asked") + ": waiting for " +
                 partner + "\xE2\x80\xA6";
    // Proposals go on the partner's turn; the session says why when one does not apply.
    const bool partnersTurn = playing && session.round()->turn() == Turn::Remote;
    const bool free = !session.localProposal() && !session.partnerProposal();
    m_draw.setEnabled(partnersTurn && free);
    m_takeBack.setEnabled(partnersTurn && free && session.round()->canTakeBack());
}

void PlayFooter::draw(sf::RenderTarget& target, sf::RenderStates states) const
{
    const sf::Font& regular = m_fonts->get(FontId::Regular);
    const bool buttons = m_mode != Mode::Quiet;
    const float row = m_box.top + 6.f + ButtonHeight / 2.f;
    if (!m_text.empty())
    {
        const sf::Color color = m_mode == Mode::Answering ? m_theme->accent : m_textIsNotice ? m_theme->warning : m_theme->mutedText;
        // Beside the buttons the text keeps left of them, smaller if it must; alone it is centred.
        const float room = buttons ? m_box.width - 84.f - 104.f - 100.f - 3 * Gap - 8.f : m_box.width;
        unsigned size = 17;
        const auto make = [&](unsigned points)
        {
            return buttons ? leftText(regular, m_text, points, color, {m_box.left + 4.f, row})
                           : centredText(regular, m_text, points, color, {m_box.left + m_box.width / 2.f, row});
        };
        sf::Text text = make(size);
        while (size > 11 && text.getLocalBounds().width > room)
            text = make(--size);
        target.draw(text, states);
    }
    switch (m_mode)
    {
        case Mode::Quiet: break;
        case Mode::Courtesy:
            if (m_match->session().game().info().takesBack)
                target.draw(m_takeBack, states);
            target.draw(m_draw, states);
            target.draw(m_resign, states);
            break;
        case Mode::Answering:
            target.draw(m_accept, states);
            target.draw(m_decline, states);
            break;
    }
    if (!m_recording.empty())
        target.draw(centredText(regular, m_recording, 13, m_theme->mutedText, {m_box.left + m_box.width / 2.f, m_box.top + m_box.height - 16.f}),
                    states);
}

} // namespace engine
