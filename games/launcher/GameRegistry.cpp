#include "GameRegistry.hpp"

#include <mqttgames/battleship/Game.hpp>
#include <mqttgames/connect4/Game.hpp>
#include <mqttgames/tictactoe/Game.hpp>

namespace launcher
{

GameRegistry::GameRegistry()
{
    m_games.push_back(std::make_unique<tictactoe::Game>());
    m_games.push_back(std::make_unique<connect4::Game>());
    m_games.push_back(std::make_unique<battleship::Game>());
}

const engine::GameWithView* GameRegistry::find(std::string_view id) const
{
    for (const auto& game : m_games)
        if (game->info().id == id)
            return game.get();
    return nullptr;
}

} // namespace launcher
