#pragma once

#include <optional>
#include <random>
#include <string>
#include <vector>

#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/Text.hpp>

#include <mqttgames/battleship/Round.hpp>
#include <mqttgames/battleship/SeaView.hpp>
#include <mqttgames/engine/Button.hpp>
#include <mqttgames/engine/Game.hpp>

namespace battleship
{

/// Both seas side by side (ours with the partner's shots, theirs with ours) and a card beneath
/// that says what to do, or at the end whether the partner's fleet was verified. While placing,
/// the draft fleet is ours to drag and rotate until "Ready" yields "place ..."; afterwards a click
/// on enemy waters yields the shot. Geometry is rebuilt when something changes, never in draw().
class View : public engine::RoundView
{
public:
    static constexpr float Width = 608.f;
    static constexpr float Height = 482.f;

    /// `round`, `fonts` and `theme` are borrowed and outlive the view.
    View(const Round& round, const engine::FontHolder& fonts, const engine::Theme& theme);

    sf::Vector2f size() const override { return {Width, Height}; }
    std::optional<std::string> handleEvent(const sf::Event& event, sf::Vector2f pointer, bool mayAct) override;
    bool update(sf::Time dt) override;

    const SeaView& ownSea() const { return m_own; }
    const SeaView& targetSea() const { return m_target; }
    /// The fleet being placed by hand, until it is sent.
    const Fleet& draft() const { return m_draft; }

private:
    /// A ship picked up from the draft: where it would land, and which of its cells is held.
    struct Drag
    {
        std::size_t index = 0;
        Ship ship;
        int held = 0;
    };

    bool isPlacing() const;
    std::optional<std::string> handlePlacement(const sf::Event& event, sf::Vector2f pointer);
    std::optional<std::string> handleShooting(const sf::Event& event, sf::Vector2f pointer);
    std::optional<std::size_t> draftShipAt(sf::Vector2f pointer) const;
    void follow(sf::Vector2f pointer);
    void rotate(sf::Vector2f pointer);
    bool replaceShip(std::size_t index, const Ship& ship);
    bool dragFits() const;
    std::string stateKey() const;
    void rebuild();
    void paintOwnSea();
    void paintTargetSea();
    void paintCard();
    void draw(sf::RenderTarget& target, sf::RenderStates states) const override;

    const Round* m_round;
    const engine::FontHolder* m_fonts;
    const engine::Theme* m_theme;
    SeaView m_own;
    SeaView m_target;
    engine::Button m_randomButton;
    engine::Button m_readyButton;
    std::mt19937_64 m_random;
    Fleet m_draft;
    std::optional<Drag> m_drag;
    std::optional<std::size_t> m_hoverShip;
    std::optional<Coord> m_hover;
    std::optional<std::size_t> m_refused; ///< a ship that could not turn, shown red for a moment
    float m_refusedAge = 0.f;
    bool m_mayAct = false;
    bool m_readyPressed = false;
    std::string m_shownKey;
    sf::ConvexShape m_card;
    std::vector<sf::ConvexShape> m_cardShapes;
    std::vector<sf::Text> m_cardTexts;
};

} // namespace battleship
