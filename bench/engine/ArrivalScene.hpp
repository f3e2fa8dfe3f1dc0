#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <string>

#include <mqttgames/engine/Scene.hpp>

#include "FrameProbe.hpp"

namespace bench
{

/// A board-like scene that shows the messages that arrived: each one lights a disc of a 7 x 6 grid,
/// and a line of text counts them. Ends the App's loop at its deadline.
class ArrivalScene : public engine::Scene
{
public:
    /// `probe` is borrowed and outlives the scene.
    ArrivalScene(engine::SceneStack& stack, FrameProbe& probe, FrameProbe::Clock::time_point deadline);

    /// A message reached the main loop; `handedOver` is when the network thread queued it.
    void receive(const std::string& payload, FrameProbe::Clock::time_point handedOver);

    bool handleEvent(const sf::Event& event) override;
    bool update(sf::Time dt) override;
    void draw(sf::RenderTarget& target) const override;
    bool isOpaque() const override { return true; }

private:
    static constexpr int Columns = 7;
    static constexpr int Rows = 6;

    FrameProbe* m_probe;
    FrameProbe::Clock::time_point m_deadline;
    std::array<std::uint8_t, Columns * Rows> m_cells{};
    std::uint64_t m_received = 0;
    std::string m_last;
};

} // namespace bench
