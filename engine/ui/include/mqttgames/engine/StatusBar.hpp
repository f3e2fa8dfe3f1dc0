#pragma once

#include <string>

#include <SFML/Graphics/Drawable.hpp>
#include <SFML/Graphics/Font.hpp>
#include <SFML/Graphics/Rect.hpp>

#include <mqttgames/engine/Assets.hpp>
#include <mqttgames/engine/Theme.hpp>

namespace engine
{

/// The band above a board: which side you play, whose turn it is, the connection and the partner.
/// `fonts` and `theme` are borrowed and outlive it. Main thread only.
class StatusBar : public sf::Drawable
{
public:
    struct Content
    {
        std::string title;         ///< the game's name
        std::string side;          ///< "X", "Red"; empty hides the badge
        sf::Color sideColor;
        std::string turn;          ///< "Your turn", "bob's turn", "You win!"
        sf::Color turnColor;
        std::string connection;    ///< "connected", "connecting", "offline"
        sf::Color connectionColor; ///< the dot beside the partner's name
        std::string partner;       ///< the partner's name
        /// Under a time control: the time left to each side ("4:32"); empty hides the clocks.
        std::string localClock;
        std::string partnerClock;
        bool localClockRuns = false;
        bool partnerClockRuns = false;
    };

    StatusBar(const FontHolder& fonts, const Theme& theme, sf::FloatRect box);
    void setContent(Content content) { m_content = std::move(content); }
    const Content& content() const { return m_content; }

private:
    void draw(sf::RenderTarget& target, sf::RenderStates states) const override;

    const FontHolder* m_fonts;
    const Theme* m_theme;
    sf::FloatRect m_box;
    Content m_content;
};

} // namespace engine
