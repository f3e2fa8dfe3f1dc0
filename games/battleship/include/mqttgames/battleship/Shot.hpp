#pragma once

#include <optional>

#include <mqttgames/battleship/Ship.hpp>

namespace battleship
{

enum class ShotOutcome
{
    Miss,
    Hit,
    Sunk
};

/// What the defender answers to a shot; a Sunk answer names the ship it sank.
struct ShotAnswer
{
    ShotOutcome outcome = ShotOutcome::Miss;
    std::optional<Ship> sunkShip;

    friend bool operator==(const ShotAnswer&, const ShotAnswer&) = default;
};

/// "miss", "hit" or "sunk".
const char* toString(ShotOutcome outcome);

} // namespace battleship
