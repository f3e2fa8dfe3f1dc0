#pragma once

#include <optional>
#include <string>

#include <mqttgames/battleship/Fleet.hpp>
#include <mqttgames/battleship/TargetSea.hpp>

namespace battleship
{

/// One row of a sea as its shots found it, for a terminal: " . o x #" (unknown, miss, hit, sunk), the
/// ships of a revealed fleet never found shown by their length.
std::string foundRow(const TargetSea& sea, const std::optional<Fleet>& revealed, int row);

/// The row number, right-aligned in two places.
std::string rowNumber(int row);

} // namespace battleship
