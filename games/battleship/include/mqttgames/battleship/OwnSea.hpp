#pragma once

#include <array>
#include <optional>
#include <vector>

#include <mqttgames/battleship/Fleet.hpp>
#include <mqttgames/battleship/Shot.hpp>

namespace battleship
{

/// My fleet and the shots the enemy fired at it.
class OwnSea
{
public:
    explicit OwnSea(Fleet fleet);

    /// Answers a shot. A cell shot before gets the same answer again and changes nothing; a cell
    /// outside the sea is a Miss that is not recorded.
    ShotAnswer receive(Coord shot);

    /// The answer given to the first shot at this cell; nullopt if never shot (or outside).
    std::optional<ShotAnswer> answerAt(Coord cell) const;

    bool isShot(Coord cell) const;

    /// True when every cell of ship index has been hit.
    bool isSunk(std::size_t index) const;

    int shipsSunk() const;

    /// True when the whole fleet is sunk: the enemy has won.
    bool allSunk() const;

    const Fleet& fleet() const;

private:
    Fleet m_fleet;
    std::array<std::optional<ShotAnswer>, SeaCells> m_answers;
    std::vector<int> m_hitsPerShip;
};

} // namespace battleship
