#pragma once

#include <string>

#include <SFML/Graphics/Drawable.hpp>
#include <SFML/Graphics/Rect.hpp>
#include <SFML/Window/Event.hpp>

#include <mqttgames/engine/Assets.hpp>
#include <mqttgames/engine/Button.hpp>
#include <mqttgames/engine/Match.hpp>
#include <mqttgames/engine/Theme.hpp>

namespace engine
{

/// The strip under the board while a round is played: the score or the last notice, where the match
/// is recorded, and for a person at the seat the courtesies of play: resign, offer a draw, take the
/// last move back; while the partner asks for one of those, accept or decline. Its texts and
/// buttons follow the session in update(); draw() only draws. Everything borrowed outlives it.
class PlayFooter : public sf::Drawable
{
public:
    PlayFooter(const FontHolder& fonts, const Theme& theme, sf::FloatRect box, Match& match);

    /// Clicks, in design units; true when a button took the event.
    bool handleEvent(const sf::Event& event);
    /// Which buttons show and what the text says.
    void update();
    /// The line at the bottom ("recording to ~/...jsonl"); "" for none.
    void setRecording(std::string text) { m_recording = std::move(text); }

private:
    enum class Mode
    {
        Quiet,     ///< no buttons: a bot plays the seat, or no round is on
        Courtesy,  ///< resign, offer a draw, take back
        Answering, ///< the partner asks: accept or decline
    };

    void draw(sf::RenderTarget& target, sf::RenderStates states) const override;

    const FontHolder* m_fonts;
    const Theme* m_theme;
    sf::FloatRect m_box;
    Match* m_match;
    Button m_resign;
    Button m_draw;
    Button m_takeBack;
    Button m_accept;
    Button m_decline;
    Mode m_mode = Mode::Quiet;
    std::string m_text;
    bool m_textIsNotice = false;
    std::string m_recording;
};

} // namespace engine
