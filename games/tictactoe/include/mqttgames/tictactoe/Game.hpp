#pragma once

#include <mqttgames/tictactoe/Board.hpp>
#include <mqttgames/tictactoe/View.hpp>

namespace tictactoe
{

/// Tic-tac-toe as the launcher sees it: the rules, the view, and the engine's computer opponent
/// (which plays perfectly at "hard": it solves the whole game).
class Game : public engine::TurnGameWithView<Board, View>
{
public:
    Game() : TurnGameWithView(text()) {}
};

/// The one instance the launcher's registry offers.
inline const engine::GameWithView& game() { static const Game instance; return instance; }

} // namespace tictactoe
