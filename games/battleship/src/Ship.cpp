#include <mqttgames/battleship/Ship.hpp>

#include <algorithm>
#include <cctype>
#include <ostream>

namespace battleship
{

std::vector<Coord> Ship::cells() const
{
    std::vector<Coord> result;
    result.reserve(std::max(length, 0));
    for (int i = 0; i < length; ++i)
        result.push_back(orientation == Orientation::Horizontal ? Coord{origin.column + i, origin.row}
                                                                : Coord{origin.column, origin.row + i});
    return result;
}

bool Ship::covers(Coord coord) const
{
    if (orientation == Orientation::Horizontal)
        return coord.row == origin.row && coord.column >= origin.column && coord.column < origin.column + length;
    return coord.column == origin.column && coord.row >= origin.row && coord.row < origin.row + length;
}

bool Ship::isInside() const
{
    const Coord end = orientation == Orientation::Horizontal ? Coord{origin.column + length - 1, origin.row}
                                                             : Coord{origin.column, origin.row + length - 1};
    return length > 0 && battleship::isInside(origin) && battleship::isInside(end);
}

std::string toString(const Ship& ship)
{
    return toString(ship.origin) + (ship.orientation == Orientation::Horizontal ? 'H' : 'V')
           + std::to_string(ship.length);
}

std::optional<Ship> parseShip(std::string_view text)
{
    const auto isSpace = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);

    // The orientation letter separates the coordinate from the length.
    const std::size_t split = text.find_first_of("HVhv", 1);
    if (split == std::string_view::npos)
        return std::nullopt;
    const auto origin = parseCoord(text.substr(0, split));
    const std::string_view digits = text.substr(split + 1);
    if (!origin || digits.empty() || digits.size() > 2
        || !std::ranges::all_of(digits, [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
        return std::nullopt;

    Ship ship;
    ship.origin = *origin;
    ship.orientation = (text[split] == 'H' || text[split] == 'h') ? Orientation::Horizontal : Orientation::Vertical;
    ship.length = std::stoi(std::string(digits));
    if (ship.length <= 0)
        return std::nullopt;
    return ship;
}

std::optional<std::vector<Ship>> parseShips(std::string_view text, std::string* badPart)
{
    std::vector<Ship> ships;
    while (true)
    {
        const std::size_t comma = text.find(',');
        const std::string_view part = text.substr(0, comma);
        const auto ship = parseShip(part);
        if (!ship)
        {
            if (badPart)
                *badPart = part;
            return std::nullopt;
        }
        ships.push_back(*ship);
        if (comma == std::string_view::npos)
            return ships;
        text.remove_prefix(comma + 1);
    }
}

std::ostream& operator<<(std::ostream& out, const Ship& ship)
{
    return out << toString(ship);
}

} // namespace battleship
