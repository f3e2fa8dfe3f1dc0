#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include <mqttgames/engine/Game.hpp>

namespace launcher
{

/// Every game the launcher offers, in menu order. Adding a game is one line in GameRegistry.cpp.
class GameRegistry
{
public:
    GameRegistry();

    const std::vector<std::unique_ptr<engine::Game>>& games() const { return m_games; }
    /// The game with this id ("tictactoe"), or nullptr.
    const engine::Game* find(std::string_view id) const;

private:
    std::vector<std::unique_ptr<engine::Game>> m_games;
};

} // namespace launcher
