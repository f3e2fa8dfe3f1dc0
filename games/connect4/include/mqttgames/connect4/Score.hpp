#pragma once

#include <mqttgames/connect4/Bitboard.hpp>

namespace connect4
{

/// Scores at or beyond this are proven results: a win (positive) or a loss (negative) for the mover.
constexpr int WinScore = 1000;

/// The score of the mover winning with the disc that becomes move number moves + 1; sooner is higher.
constexpr int winScoreAt(int moves)
{
    return WinScore + Cells - moves;
}

} // namespace connect4
