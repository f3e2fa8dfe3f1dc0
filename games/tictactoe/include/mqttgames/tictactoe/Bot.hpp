#pragma once

#include <functional>
#include <random>
#include <vector>

#include <mqttgames/engine/BotLevel.hpp>
#include <mqttgames/tictactoe/Board.hpp>

namespace tictactoe
{

/// How well the computer plays, in the engine's shared levels. Easy: random, but takes a win in one.
/// Medium: takes a win, else blocks the opponent's, else random. Hard: perfect play (minimax), never loses.
using Level = engine::BotLevel;

/// The moves that keep the best minimax result for the player to move (empty when the game is over).
std::vector<int> bestMoves(const Board& board);

/// A move (cell 0..8) for the player to move at this level, or -1 when the game is over.
/// `stop` is polled during the search; when it returns true the best move found so far is returned.
int chooseMove(const Board& board, Level level, std::mt19937& random, const std::function<bool()>& stop = {});

} // namespace tictactoe
