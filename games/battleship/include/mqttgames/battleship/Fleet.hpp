#pragma once

#include <array>
#include <cstddef>
#include <iosfwd>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <mqttgames/battleship/Ship.hpp>

namespace battleship
{

/// The classic fleet: one ship of each of these lengths.
constexpr std::array<int, 5> FleetLengths{5, 4, 3, 3, 2};

/// A valid layout of the classic fleet: straight ships inside the sea that never overlap (touching
/// is allowed). Every Fleet is valid; editing refuses changes that would break that.
class Fleet
{
public:
    /// The ships side by side along the top rows, longest first.
    Fleet();

    /// The fleet of these ships, kept in this order; nullopt if invalid, with the reason in *whyNot
    /// (whyNot may be null), e.g. "ships overlap at D4".
    static std::optional<Fleet> fromShips(std::vector<Ship> ships, std::string* whyNot = nullptr);

    /// Reads the text form (see toText), ships in any order; nullopt with the reason in *whyNot
    /// (may be null) if unreadable or invalid.
    static std::optional<Fleet> parse(std::string_view text, std::string* whyNot = nullptr);

    /// Each ship in turn at a uniformly drawn position inside the sea, drawn again while it overlaps.
    static Fleet random(std::mt19937_64& random);

    /// The ships, in the order given (or FleetLengths' order).
    const std::vector<Ship>& ships() const;

    /// The index of the ship covering this cell, if any.
    std::optional<std::size_t> shipAt(Coord coord) const;

    /// True when ship index could become this ship: same length, inside, overlapping no other ship.
    bool canPlace(std::size_t index, const Ship& ship) const;

    /// Moves ship index to a new origin; false and unchanged if it would not fit.
    bool moveShip(std::size_t index, Coord origin);

    /// Turns ship index about its origin; false and unchanged if it would not fit.
    bool rotateShip(std::size_t index);

    /// The canonical text: ships sorted by length (longest first), then by origin, joined by commas,
    /// e.g. "A1H5,C3V4,E5H3,G7V3,J1V2". Equal fleets have equal text.
    std::string toText() const;

    /// The same ships, whatever their order.
    friend bool operator==(const Fleet& a, const Fleet& b);

private:
    explicit Fleet(std::vector<Ship> ships);

    std::vector<Ship> m_ships;
};

/// Prints the sea with each ship's cells marked by its length, '.' for water.
std::ostream& operator<<(std::ostream& out, const Fleet& fleet);

} // namespace battleship
