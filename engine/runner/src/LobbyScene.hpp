#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <mqttgames/engine/Button.hpp>
#include <mqttgames/engine/LobbyBoard.hpp>
#include <mqttgames/engine/Scene.hpp>
#include <mqttgames/engine/TextField.hpp>

#include "Launch.hpp"

namespace runner
{

/// The lobby of the chosen game on the chosen broker: the rooms where someone waits, refreshed as
/// they come and go, each joined with one click (playing by its clock); a room of our own (the
/// menu's room, with a clock of our choice) and the computer are always there. Back from a match, the lobby shows again.
class LobbyScene : public engine::Scene
{
public:
    /// `choice` names the game, the broker and who we are; its room is the one "Open" opens.
    LobbyScene(engine::SceneStack& stack, Choice choice);

    bool handleEvent(const sf::Event& event) override;
    bool update(sf::Time dt) override;
    void draw(sf::RenderTarget& target) const override;
    bool isOpaque() const override { return true; }
    std::optional<std::chrono::steady_clock::time_point> nextWake() const override;

    const engine::LobbyBoard& board() const { return m_board; }
    /// Joins the room of the listed entry `index` (as a click on it does).
    void join(std::size_t index);

private:
    void openRoom();
    void playComputer();
    // The row under `point`, if any.
    std::optional<std::size_t> rowAt(sf::Vector2f point) const;

    Choice m_choice;
    engine::LobbyBoard m_board;
    std::vector<engine::LobbyEntry> m_rooms;
    std::uint64_t m_shownRevision = 0;
    std::chrono::steady_clock::time_point m_listedAt;
    std::size_t m_firstShown = 0; // scrolled past
    std::optional<std::size_t> m_hover;
    engine::Selector m_clock; // of a room we open
    engine::Button m_open;
    engine::Button m_computer;
};

} // namespace runner
