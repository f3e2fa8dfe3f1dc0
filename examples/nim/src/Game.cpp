#include "Game.hpp"

#include <mqttgames/engine/BotLevel.hpp>

#include "Codec.hpp"
#include "Round.hpp"
#include "View.hpp"

namespace nim
{

const engine::GameInfo& Game::info() const
{
    static const engine::GameInfo info{"nim", "Nim", ProtocolVersion, engine::botLevelNames()};
    return info;
}

std::unique_ptr<engine::Round> Game::newRound(const engine::RoundSetup& setup) const
{
    return std::make_unique<Round>(setup.localStarts, setup.outbox);
}

std::unique_ptr<engine::RoundView> Game::newView(const engine::Round& round, const engine::Context& context) const
{
    // The engine only hands back rounds this game made.
    return std::make_unique<View>(dynamic_cast<const Round&>(round), context);
}

} // namespace nim
