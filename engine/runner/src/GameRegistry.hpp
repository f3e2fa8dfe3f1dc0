#pragma once

#include <string_view>
#include <vector>

#include <mqttgames/engine/RoundView.hpp>

namespace runner
{

/// The games a program offers, in menu order. Borrowed: the games outlive the registry.
class GameRegistry
{
public:
    /// Throws std::invalid_argument for an empty list or two games with one id.
    explicit GameRegistry(std::vector<const engine::GameWithView*> games);

    const std::vector<const engine::GameWithView*>& games() const { return m_games; }
    /// The game with this id ("tictactoe"), or nullptr.
    const engine::GameWithView* find(std::string_view id) const;

private:
    std::vector<const engine::GameWithView*> m_games;
};

} // namespace runner
