#pragma once

#include <array>
#include <iosfwd>
#include <vector>

#include <mqttgames/battleship/Fleet.hpp>
#include <mqttgames/battleship/Shot.hpp>

namespace battleship
{

/// What I know of a cell of the enemy's sea. A Hit cell belongs to a ship not yet sunk.
enum class CellState
{
    Unknown,
    Miss,
    Hit,
    Sunk
};

/// What I know of the enemy's sea: my shots and the answers I received.
class TargetSea
{
public:
    /// Records the answer to my shot. False and unchanged when it cannot be right: a cell outside
    /// the sea or already shot, a Sunk answer without a ship, or a sunk ship that does not cover the
    /// shot, is not in the remaining fleet, or has cells not hit before.
    bool record(Coord shot, const ShotAnswer& answer);

    /// Unknown for cells outside the sea.
    CellState at(Coord cell) const;

    /// True once a shot at this cell was recorded.
    bool isShot(Coord cell) const;

    /// The lengths of the enemy ships still afloat, longest first.
    const std::vector<int>& remainingLengths() const;

    /// The ships sunk so far, in the order they went down.
    const std::vector<Ship>& sunkShips() const;

    int shipsSunk() const;

    /// True when the whole enemy fleet is sunk: I have won.
    bool allSunk() const;

    int shotsFired() const;

private:
    std::array<CellState, SeaCells> m_cells{};
    std::vector<int> m_remaining{FleetLengths.begin(), FleetLengths.end()};
    std::vector<Ship> m_sunk;
    int m_shots = 0;
};

/// Prints the sea: '.' unknown, 'o' miss, 'x' hit, '#' sunk.
std::ostream& operator<<(std::ostream& out, const TargetSea& sea);

} // namespace battleship
