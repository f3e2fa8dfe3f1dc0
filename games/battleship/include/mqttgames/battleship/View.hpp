#pragma once

#include <optional>
#include <string>
#include <vector>

#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/Text.hpp>

#include <mqttgames/battleship/Placement.hpp>
#include <mqttgames/battleship/Round.hpp>
#include <mqttgames/battleship/SeaView.hpp>
#include <mqttgames/engine/RoundView.hpp>

namespace battleship
{

/// Both seas side by side (ours with the partner's shots, theirs with ours) and a card beneath
/// that says what to do, or at the end whether the partner's fleet was verified. While placing,
/// the draft fleet is ours to drag and rotate (Placement) until "Ready" yields "place ...";
/// afterwards a click on enemy waters yields the shot. A watched round shows both seas as the shots
/// found them and takes no clicks. Geometry is rebuilt when something changes, never in draw().
class View : public engine::RoundView
{
public:
    static constexpr float Width = 608.f;
    static constexpr float Height = 482.f;

    /// `round`, `fonts` and `theme` are borrowed and outlive the view.
    View(const Round& round, const engine::FontHolder& fonts, const engine::Theme& theme);

    sf::Vector2f size() const override { return {Width, Height}; }
    std::optional<engine::Action> handleEvent(const sf::Event& event, sf::Vector2f pointer, bool mayAct) override;
    bool update(sf::Time dt, bool mayAct) override;

    const SeaView& ownSea() const { return m_own; }
    const SeaView& targetSea() const { return m_target; }
    /// The fleet being placed by hand, until it is sent.
    const Fleet& draft() const { return m_placement.draft(); }

private:
    bool isPlacing() const;
    std::optional<std::string> handleShooting(const sf::Event& event, sf::Vector2f pointer);
    std::string stateKey() const;
    void rebuild();
    void paintOwnSea();
    void paintTargetSea();
    void paintCard();
    /// A watched match: both seas as the shots found them, and the last event or the result.
    void paintWatched();
    void paintVerdict(const std::string& headline, const std::string& detail, bool verified);
    void draw(sf::RenderTarget& target, sf::RenderStates states) const override;

    const Round* m_round;
    const engine::FontHolder* m_fonts;
    const engine::Theme* m_theme;
    SeaView m_own;
    SeaView m_target;
    Placement m_placement; ///< borrows m_own
    std::optional<Coord> m_hover;
    bool m_mayAct = false;
    std::string m_shownKey;
    sf::ConvexShape m_card;
    std::vector<sf::ConvexShape> m_cardShapes;
    std::vector<sf::Text> m_cardTexts;
};

} // namespace battleship
