#pragma once

#include <mqttgames/engine/RoundView.hpp>

namespace connect4
{

/// Connect Four as the engine and the launcher see it.
class Game : public engine::GameWithView
{
public:
    const engine::GameInfo& info() const override;
    std::unique_ptr<engine::Round> newRound(const engine::RoundSetup& setup) const override;
    std::unique_ptr<engine::RoundView> newView(const engine::Round& round, const engine::Context& context) const override;
};

/// The one instance the launcher's registry offers.
const engine::GameWithView& game();

} // namespace connect4
