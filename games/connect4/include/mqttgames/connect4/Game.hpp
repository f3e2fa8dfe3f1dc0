#pragma once

#include <mqttgames/connect4/Rules.hpp>
#include <mqttgames/connect4/View.hpp>

namespace connect4
{

/// Connect Four as the launcher sees it: the rules, the view and the game's own computer opponent.
class Game : public engine::TurnGameWithView<Rules, View>
{
public:
    Game() : TurnGameWithView(text(), chooseMove) {}
};

/// The one instance the launcher's registry offers.
inline const engine::GameWithView& game()
{
    static const Game instance;
    return instance;
}

} // namespace connect4
