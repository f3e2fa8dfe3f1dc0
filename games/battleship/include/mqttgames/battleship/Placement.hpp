#pragma once

#include <optional>
#include <random>
#include <string>

#include <SFML/Graphics/Drawable.hpp>
#include <SFML/System/Time.hpp>
#include <SFML/Window/Event.hpp>

#include <mqttgames/battleship/Fleet.hpp>
#include <mqttgames/battleship/SeaView.hpp>
#include <mqttgames/engine/Assets.hpp>
#include <mqttgames/engine/Button.hpp>
#include <mqttgames/engine/Theme.hpp>

namespace battleship
{

/// Placing the fleet by hand, on our sea: drag a ship to move it (a drop where it does not fit sends
/// it back), right-click or R to rotate it (refused with a red blink when it would not fit), "Random"
/// or Space for a new draft, "Ready" or Enter to yield "place ...". The draft stays here until then.
/// `fonts`, `theme` and `sea` are borrowed and outlive it. Main thread only.
class Placement : public sf::Drawable
{
public:
    /// `ready` is the box of the "Ready" button; "Random" sits left of it.
    Placement(const engine::FontHolder& fonts, const engine::Theme& theme, const SeaView& sea, sf::FloatRect ready);

    /// An input event, `pointer` in view units; returns "place ..." when the player is ready.
    std::optional<std::string> handleEvent(const sf::Event& event, sf::Vector2f pointer);
    /// Advances the refusal blink; true while it shows.
    bool update(sf::Time dt);
    /// Drops a ship being dragged and the hover (the player may not act, or placing is over).
    void cancel();

    const Fleet& draft() const { return m_draft; }
    /// Adds the draft's ships to `sea` as they look now: hovered, dragged (and where it came from),
    /// refused. `hull` and `side` are the fleet's colours.
    void paint(SeaView& sea, sf::Color hull, sf::Color side) const;
    /// Changes whenever what paint() draws changes.
    std::string stateKey() const;

private:
    /// A ship picked up from the draft: where it would land, and which of its cells is held.
    struct Drag
    {
        std::size_t index = 0;
        Ship ship;
        int held = 0;
    };

    std::optional<std::size_t> shipAt(sf::Vector2f pointer) const;
    void follow(sf::Vector2f pointer);
    void rotate(sf::Vector2f pointer);
    bool replaceShip(std::size_t index, const Ship& ship);
    bool dragFits() const;
    void draw(sf::RenderTarget& target, sf::RenderStates states) const override;

    const engine::Theme* m_theme;
    const SeaView* m_sea;
    engine::Button m_randomButton;
    engine::Button m_readyButton;
    std::mt19937_64 m_random;
    Fleet m_draft;
    std::optional<Drag> m_drag;
    std::optional<std::size_t> m_hoverShip;
    std::optional<std::size_t> m_refused; ///< a ship that could not turn, shown red for a moment
    float m_refusedAge = 0.f;
    bool m_readyPressed = false;
};

} // namespace battleship
