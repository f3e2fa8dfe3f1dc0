#pragma once

#include <functional>
#include <memory>

#include <mqttgames/engine/Button.hpp>
#include <mqttgames/engine/Match.hpp>
#include <mqttgames/engine/Scene.hpp>

namespace engine
{

/// The card over the board while connecting, waiting for a partner, while the partner is away or
/// our connection is being made again (the round waits under it), after the partner left, or when
/// the broker cannot be reached. `match` belongs to the PlayScene below, which outlives it.
class WaitingOverlay : public Scene
{
public:
    WaitingOverlay(SceneStack& stack, Match& match, std::string whereText, std::function<void()> leave);

    bool handleEvent(const sf::Event& event) override;
    bool update(sf::Time dt) override;
    void draw(sf::RenderTarget& target) const override;
    bool isAnimating() const override;
    /// Whether the scene below sees this event too: window and pointer events and Escape, never a
    /// click or a key that could make a move.
    static bool passesThrough(const sf::Event& event);

private:
    void layoutButtons();

    Match* m_match;
    std::string m_where;
    std::function<void()> m_leave;
    Button m_action;
    Button m_menu;
    Phase m_phase = Phase::Offline;
    float m_clock = 0.f;
};

/// The panel under the board after a round: the result, the score, "Play again" and "Menu".
/// `match` belongs to the PlayScene below, which outlives it.
class RoundOverPanel : public Scene
{
public:
    RoundOverPanel(SceneStack& stack, Match& match, std::function<void()> leave);

    bool handleEvent(const sf::Event& event) override;
    bool update(sf::Time dt) override;
    void draw(sf::RenderTarget& target) const override;
    bool isAnimating() const override { return m_age < 0.25f; }

private:
    Match* m_match;
    std::function<void()> m_leave;
    Button m_again;
    Button m_menu;
    float m_age = 0.f;
};

/// The panel's place on screen, below the board.
sf::FloatRect roundOverPanelArea(sf::Vector2f designSize);

} // namespace engine
