#pragma once

#include <algorithm>
#include <string>

#include <mqttgames/battleship/Shot.hpp>
#include <mqttgames/battleship/TargetSea.hpp>
#include <mqttgames/battleship/Verifier.hpp>

// Words a round of Battleship uses both in its events and in its texts.

namespace battleship
{

/// The first characters of a commitment, for a line of text.
inline std::string shortHash(const std::string& commitment)
{
    return commitment.substr(0, 8) + "\xE2\x80\xA6";
}

/// An answer to a shot in words: "miss", "hit", "sunk, the 3-ship E5H3".
inline std::string answerText(const ShotAnswer& answer)
{
    if (answer.outcome == ShotOutcome::Sunk && answer.sunkShip)
        return "sunk, the " + std::to_string(answer.sunkShip->length) + "-ship " + toString(*answer.sunkShip);
    return toString(answer.outcome);
}

/// Why `sea` refuses the answer to a shot at a fresh cell (TargetSea::record only says no).
inline std::string whyAnswerDoesNotFit(const TargetSea& sea, const ShotRecord& result)
{
    if (result.answer.outcome != ShotOutcome::Sunk || !result.answer.sunkShip)
        return "the answer does not fit the answers before it";
    const Ship& ship = *result.answer.sunkShip;
    if (!ship.covers(result.shot))
        return "the sunk ship " + toString(ship) + " does not cover " + toString(result.shot);
    const auto& afloat = sea.remainingLengths();
    if (std::ranges::find(afloat, ship.length) == afloat.end())
        return "no ship of length " + std::to_string(ship.length) + " is still afloat";
    for (const Coord cell : ship.cells())
        if (cell != result.shot && sea.at(cell) != CellState::Hit)
            return "the sunk ship " + toString(ship) + " was never hit at " + toString(cell);
    return "the answer does not fit the answers before it";
}

} // namespace battleship
