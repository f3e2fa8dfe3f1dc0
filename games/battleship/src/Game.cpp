#include <mqttgames/battleship/Game.hpp>

#include <stdexcept>

#include <mqttgames/battleship/Round.hpp>
#include <mqttgames/battleship/View.hpp>

namespace battleship
{

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
