#pragma once

#include <functional>
#include <string>

#include <mqttgames/engine/Button.hpp>
#include <mqttgames/engine/Scene.hpp>
#include <mqttgames/engine/TextField.hpp>

#include "GameRegistry.hpp"
#include "Launch.hpp"

namespace runner
{

/// The first screen: pick a game, your name, the opponent (someone in the lobby, a friend in a
/// private room, or the computer), and the broker; then Play. `registry` is borrowed and outlives the scene.
class MenuScene : public engine::Scene
{
public:
    MenuScene(engine::SceneStack& stack, const GameRegistry& registry, Choice defaults, std::string brokerNote);

    bool handleEvent(const sf::Event& event) override;
    bool update(sf::Time dt) override;
    void draw(sf::RenderTarget& target) const override;
    bool isOpaque() const override { return true; }

    /// The choice as the fields stand.
    Choice choice() const;
    /// Starts the chosen match (as the Play button does).
    void play();

private:
    // The opponent's options: the lobby, a private room, then the computer's levels.
    static constexpr std::size_t Lobby = 0;
    static constexpr std::size_t PrivateRoom = 1;
    static constexpr std::size_t FirstLevel = 2;

    void refreshOpponents();

    const GameRegistry* m_registry;
    Choice m_defaults;
    std::string m_brokerNote;
    engine::Selector m_game;
    engine::TextField m_name;
    engine::Selector m_opponent;
    engine::TextField m_room;
    engine::TextField m_host;
    engine::TextField m_port;
    engine::Button m_play;
    std::string m_error;
};

} // namespace runner
