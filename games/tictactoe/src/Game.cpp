#include <mqttgames/tictactoe/Game.hpp>

#include <stdexcept>

#include <mqttgames/tictactoe/Codec.hpp>
#include <mqttgames/tictactoe/Round.hpp>
#include <mqttgames/tictactoe/View.hpp>

namespace tictactoe
{

const engine::GameInfo& Game::info() const
{
    static const engine::GameInfo info{"tictactoe", "Tic-Tac-Toe", ProtocolVersion, {"easy", "medium", "hard"},
                                               {{"playing", "5137"}, {"gameover", "1253749"}}};
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
        throw std::logic_error("tictactoe::Game::newView: the round is not a tic-tac-toe round");
    return std::make_unique<View>(*ours, context.theme);
}

const engine::GameWithView& game()
{
    static const Game instance;
    return instance;
}

} // namespace tictactoe
