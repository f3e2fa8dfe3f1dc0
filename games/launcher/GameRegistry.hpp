#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include <mqttgames/engine/RoundView.hpp>

namespace launcher
{

/// Every game the launcher offers, in menu order. Adding a game is one line in GameRegistry.cpp.
class GameRegistry
{
public:
    GameRegistry();

    const std::vector<std::unique_ptr<engine::GameWithView>>& games() const { return m_games; }
    /// The game with this id ("tictactoe"), or nullptr.
    const engine::GameWithView* find(std::string_view id) const;

private:
    std::vector<std::unique_ptr<engine::GameWithView>> m_games;
};

} // namespace launcher
