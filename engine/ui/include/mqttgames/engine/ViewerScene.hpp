#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <mqttgames/engine/Replay.hpp>
#include <mqttgames/engine/RoundView.hpp>
#include <mqttgames/engine/Scene.hpp>
#include <mqttgames/engine/Snapshot.hpp>
#include <mqttgames/engine/Spectator.hpp>
#include <mqttgames/engine/StatusBar.hpp>

namespace engine
{

/// A match shown to someone who does not play it: live from a spectator (--watch), or a replay
/// stepped through (mqttgames replay FILE). Nothing here acts on a round; Escape closes it.
class ViewerScene : public Scene
{
public:
    /// Live: shows every snapshot the spectator takes (started already, on the context's queue).
    ViewerScene(SceneStack& stack, const GameWithView& game, std::unique_ptr<Spectator> spectator);
    /// A replay that checkReplay() accepted, at its last position: Left and Right step, Home and
    /// End jump, Space plays it on by itself.
    ViewerScene(SceneStack& stack, const GameWithView& game, std::vector<ReplayLine> replay, std::string name);
    ~ViewerScene() override;

    bool handleEvent(const sf::Event& event) override;
    bool update(sf::Time dt) override;
    void draw(sf::RenderTarget& target) const override;
    bool isAnimating() const override { return m_animating; }
    bool isOpaque() const override { return true; }
    std::optional<std::chrono::steady_clock::time_point> nextWake() const override;

    /// A replay's step shown now (0 for the first), for tests.
    std::size_t step() const { return m_step; }

private:
    void show(const Snapshot& snapshot);
    void goTo(std::size_t step);
    void refreshStatus();

    const GameWithView* m_game;
    std::unique_ptr<Spectator> m_spectator; // live, or
    std::vector<ReplayLine> m_replay;       // a replay
    std::string m_name;                     // the replay's file name
    std::size_t m_step = 0;
    std::optional<std::chrono::steady_clock::time_point> m_autoplayAt; // the next step's time, while autoplaying
    std::uint64_t m_seen = 0;
    std::optional<Snapshot> m_snapshot;
    std::unique_ptr<Round> m_round;
    std::unique_ptr<RoundView> m_view;
    StatusBar m_status;
    bool m_animating = true;
};

} // namespace engine
