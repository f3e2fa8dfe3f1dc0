#pragma once

#include <string>

#include <mqttgames/battleship/Shot.hpp>

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

} // namespace battleship
