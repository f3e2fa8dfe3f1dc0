#pragma once

#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <mqttgames/battleship/Coord.hpp>

namespace battleship
{

enum class Orientation
{
    Horizontal,
    Vertical
};

/// A straight ship: from its origin, a horizontal ship extends towards J, a vertical one towards 10.
struct Ship
{
    int length = 0;
    Coord origin;
    Orientation orientation = Orientation::Horizontal;

    /// Its cells, origin first.
    std::vector<Coord> cells() const;

    /// True when one of its cells is this one.
    bool covers(Coord coord) const;

    /// True when every cell lies within the sea.
    bool isInside() const;

    friend bool operator==(const Ship&, const Ship&) = default;
};

/// Origin, orientation letter and length: "C3V4" is the 4-long ship from C3 down to C6.
std::string toString(const Ship& ship);

/// Reads toString's form, in any case, ignoring surrounding whitespace. The origin must be in the sea;
/// the far end may not be (Fleet checks that). nullopt when the text is not of that form.
std::optional<Ship> parseShip(std::string_view text);

/// Reads ships in parseShip's form separated by commas; nullopt naming the unreadable part in *badPart
/// (may be null).
std::optional<std::vector<Ship>> parseShips(std::string_view text, std::string* badPart = nullptr);

std::ostream& operator<<(std::ostream& out, const Ship& ship);

} // namespace battleship
