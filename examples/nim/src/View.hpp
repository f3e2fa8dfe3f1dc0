#pragma once

#include <vector>

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/Text.hpp>

#include <mqttgames/engine/RoundView.hpp>
#include <mqttgames/engine/GridGeometry.hpp>

#include "Round.hpp"

namespace nim
{

/// The heaps on screen: one row of stones per heap, its letter at the left, taken stones as shadows.
/// Pointing at a stone marks it and every stone right of it, which a click takes. Shapes are rebuilt when something
/// changes, never in draw().
class View : public engine::RoundView
{
public:
    /// `round` and `context` are borrowed and outlive the view.
    View(const Round& round, const engine::Context& context);

    sf::Vector2f size() const override { return {480.f, 300.f}; }
    std::optional<std::string> handleEvent(const sf::Event& event, sf::Vector2f pointer, bool mayAct) override;
    bool update(sf::Time dt, bool mayAct) override;

private:
    void draw(sf::RenderTarget& target, sf::RenderStates states) const override;
    /// The move that pointing at `pointer` would make, if any.
    std::optional<Move> moveAt(sf::Vector2f pointer) const;
    void rebuild();

    const Round* m_round;
    const engine::Context* m_context;
    engine::GridGeometry m_grid; ///< column 0 holds the heap's letter, then one column per stone
    sf::ConvexShape m_panel;
    std::vector<sf::Text> m_labels;
    std::vector<sf::CircleShape> m_stones;
    std::optional<Move> m_hover;
    std::string m_shownMoves;
};

} // namespace nim
