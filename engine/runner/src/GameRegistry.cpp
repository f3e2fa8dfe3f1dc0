#include "GameRegistry.hpp"

#include <stdexcept>

namespace runner
{

GameRegistry::GameRegistry(std::vector<const engine::GameWithView*> games) : m_games(std::move(games))
{
    if (m_games.empty())
        throw std::invalid_argument("no game to offer");
    for (std::size_t i = 0; i < m_games.size(); ++i)
        for (std::size_t j = 0; j < i; ++j)
            if (m_games[i]->info().id == m_games[j]->info().id)
                throw std::invalid_argument("two games have the id \"" + m_games[i]->info().id + "\"");
}

const engine::GameWithView* GameRegistry::find(std::string_view id) const
{
    for (const auto* game : m_games)
        if (game->info().id == id)
            return game;
    return nullptr;
}

} // namespace runner
