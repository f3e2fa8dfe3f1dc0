#pragma once

#include <memory>
#include <optional>
#include <string>

#include <SFML/Graphics/Color.hpp>
#include <SFML/Graphics/Drawable.hpp>
#include <SFML/Graphics/Transformable.hpp>
#include <SFML/System/Time.hpp>
#include <SFML/Window/Event.hpp>

#include <mqttgames/engine/Context.hpp>
#include <mqttgames/engine/Game.hpp>

namespace engine
{

/// How the two sides of a round look on screen: the side that starts it, and the other.
struct SideColors
{
    sf::Color first;
    sf::Color second;
};

/// The board of a round on screen. Built by GameWithView::newView for a round it made; reads that round
/// (which outlives it) and never changes it: local actions are returned as notation text.
/// Coordinates are the view's own (apply getTransform() to place it). Main thread only.
class RoundView : public sf::Drawable, public sf::Transformable
{
public:
    /// The size the view draws in, in its own units.
    virtual sf::Vector2f size() const = 0;
    /// An input event; `pointer` is the mouse in view coordinates. Returns an action when the player
    /// did one (only when `mayAct`): notation text, or a step on the round (see engine::Action).
    virtual std::optional<Action> handleEvent(const sf::Event& event, sf::Vector2f pointer, bool mayAct) = 0;
    /// Follows the round's state and advances animations; true while something still moves. `mayAct`
    /// says whether the local player may act now, so a view need not follow that from events (hover
    /// hints, enabled buttons).
    virtual bool update(sf::Time dt, bool mayAct)
    {
        (void)dt;
        (void)mayAct;
        return false;
    }
    /// Whether a change of the round is still being shown (Connect Four's falling disc): the scene
    /// waits for it before it covers the board with the round's result.
    virtual bool isAnimating() const { return false; }
    /// The sides' colours (status bar badge); nullopt for the theme's playerOne and playerTwo.
    virtual std::optional<SideColors> sideColors() const { return std::nullopt; }
};

/// A game with its board on screen: what the window's play screen and the launcher need.
class GameWithView : public Game
{
public:
    /// A view of `round`, which this game made (it may cast to its own type); `round` and `context`
    /// outlive the view.
    virtual std::unique_ptr<RoundView> newView(const Round& round, const Context& context) const = 0;
};

} // namespace engine
