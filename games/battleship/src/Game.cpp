#include <mqttgames/battleship/Game.hpp>

#include <stdexcept>

#include <mqttgames/battleship/Codec.hpp>
#include <mqttgames/battleship/Round.hpp>
#include <mqttgames/battleship/View.hpp>

namespace battleship
{

const engine::GameInfo& Game::info() const
{
    static const engine::GameInfo info{"battleship", "Battleship", ProtocolVersion, {"easy", "medium", "hard"},
                                               {{"playing", "7 auto 50"}, {"gameover", "3 auto end"}}};
    return info;
}

std::unique_ptr<engine::Round> Game::newRound(const engine::RoundSetup& setup) const
{
    return std::make_unique<Round>(setup.localStarts);
}

std::unique_ptr<engine::RoundView> Game::newView(const engine::Round& round, const engine::Context& context) const
{
    const auto* ours = dynamic_cast<const Round*>(&round);
    if (!ours)
        throw std::logic_error("battleship::Game::newView: the round is not a Battleship round");
    return std::make_unique<View>(*ours, context.fonts, context.theme);
}

const engine::GameWithView& game()
{
    static const Game instance;
    return instance;
}

} // namespace battleship
