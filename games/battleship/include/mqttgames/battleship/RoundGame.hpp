#pragma once

#include <mqttgames/engine/Game.hpp>

namespace battleship
{

/// Battleship as the session, the bots and terminal play see it: its description and its rounds,
/// nothing of a screen (Game adds the view).
class RoundGame : public engine::Game
{
public:
    const engine::GameInfo& info() const override;
    std::unique_ptr<engine::Round> newRound(const engine::RoundSetup& setup) const override;
};

} // namespace battleship
