#include <mqttgames/connect4/Game.hpp>

#include <stdexcept>

#include <mqttgames/connect4/Codec.hpp>
#include <mqttgames/connect4/Level.hpp>
#include <mqttgames/connect4/Round.hpp>
#include <mqttgames/connect4/View.hpp>

namespace connect4
{

const engine::GameInfo& Game::info() const
{
    static const engine::GameInfo info{"connect4", "Connect Four", ProtocolVersion,
                                       {toString(Level::Easy), toString(Level::Medium), toString(Level::Hard)},
                                       {{"playing", "444366315522"}, {"gameover", "44436631552232655"}}};
    return info;
}

std::unique_ptr<engine::Round> Game::newRound(const engine::RoundSetup& setup) const
{
    return std::make_unique<Round>(setup.localStarts, setup.outbox);
}

std::unique_ptr<engine::RoundView> Game::newView(const engine::Round& round, const engine::Context& context) const
{
    const auto* ours = dynamic_cast<const Round*>(&round);
    if (!ours)
        throw std::logic_error("connect4::Game::newView: the round is not a Connect Four round");
    return std::make_unique<View>(*ours, context);
}

const engine::GameWithView& game()
{
    static const Game instance;
    return instance;
}

} // namespace connect4
