#pragma once

#include <mqttgames/battleship/RoundGame.hpp>
#include <mqttgames/engine/RoundView.hpp>

namespace battleship
{

/// Battleship as the launcher sees it: the rounds of RoundGame, and their view.
class Game : public engine::GameWithView
{
public:
    const engine::GameInfo& info() const override { return m_rounds.info(); }
    std::unique_ptr<engine::Round> newRound(const engine::RoundSetup& setup) const override { return m_rounds.newRound(setup); }
    std::unique_ptr<engine::RoundView> newView(const engine::Round& round, const engine::Context& context) const override;

private:
    RoundGame m_rounds;
};

/// The one instance the launcher's registry offers.
const engine::GameWithView& game();

} // namespace battleship
