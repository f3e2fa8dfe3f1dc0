#include <mqttgames/battleship/Fleet.hpp>

#include <algorithm>
#include <ostream>

namespace battleship
{

namespace
{

std::string joinLengths(std::vector<int> lengths)
{
    std::string text;
    for (const int length : lengths)
        text += (text.empty() ? "" : ", ") + std::to_string(length);
    return text.empty() ? "none" : text;
}

// The reason these ships are not a valid fleet, or "" when they are.
std::string whyInvalid(const std::vector<Ship>& ships)
{
    std::vector<int> lengths;
    for (const Ship& ship : ships)
        lengths.push_back(ship.length);
    std::ranges::sort(lengths, std::greater<>{});
    if (!std::ranges::equal(lengths, FleetLengths))
        return "expected ships of lengths " + joinLengths({FleetLengths.begin(), FleetLengths.end()}) + ", got "
               + joinLengths(lengths);

    for (const Ship& ship : ships)
        if (!ship.isInside())
            return "ship " + toString(ship) + " goes outside the sea";

    std::array<bool, SeaCells> taken{};
    for (const Ship& ship : ships)
        for (const Coord cell : ship.cells())
        {
            if (taken[indexOf(cell)])
                return "ships overlap at " + toString(cell);
            taken[indexOf(cell)] = true;
        }
    return "";
}

bool shipLess(const Ship& a, const Ship& b)
{
    if (a.length != b.length)
        return a.length > b.length;
    if (a.origin.row != b.origin.row)
        return a.origin.row < b.origin.row;
    if (a.origin.column != b.origin.column)
        return a.origin.column < b.origin.column;
    return a.orientation < b.orientation;
}

std::vector<Ship> sorted(std::vector<Ship> ships)
{
    std::ranges::sort(ships, shipLess);
    return ships;
}

} // namespace

Fleet::Fleet()
{
    for (std::size_t i = 0; i < FleetLengths.size(); ++i)
        m_ships.push_back({FleetLengths[i], {0, static_cast<int>(i)}, Orientation::Horizontal});
}

Fleet::Fleet(std::vector<Ship> ships)
    : m_ships(std::move(ships))
{
}

std::optional<Fleet> Fleet::fromShips(std::vector<Ship> ships, std::string* whyNot)
{
    const std::string reason = whyInvalid(ships);
    if (whyNot)
        *whyNot = reason;
    if (!reason.empty())
        return std::nullopt;
    return Fleet(std::move(ships));
}

std::optional<Fleet> Fleet::parse(std::string_view text, std::string* whyNot)
{
    std::string badPart;
    auto ships = parseShips(text, &badPart);
    if (!ships)
    {
        if (whyNot)
            *whyNot = "cannot read ship '" + badPart + "'";
        return std::nullopt;
    }
    return fromShips(std::move(*ships), whyNot);
}

Fleet Fleet::random(std::mt19937_64& random)
{
    std::vector<Ship> ships;
    std::array<bool, SeaCells> taken{};
    for (const int length : FleetLengths)
    {
        // Draw within the cells where the ship fits inside the sea, so only overlaps cause retries.
        while (true)
        {
            const auto orientation = std::bernoulli_distribution(0.5)(random) ? Orientation::Horizontal
                                                                              : Orientation::Vertical;
            const int along = std::uniform_int_distribution<int>(0, SeaSize - length)(random);
            const int across = std::uniform_int_distribution<int>(0, SeaSize - 1)(random);
            const Ship ship{length,
                            orientation == Orientation::Horizontal ? Coord{along, across} : Coord{across, along},
                            orientation};
            const auto cells = ship.cells();
            if (std::ranges::any_of(cells, [&](Coord cell) { return taken[indexOf(cell)]; }))
                continue;
            for (const Coord cell : cells)
                taken[indexOf(cell)] = true;
            ships.push_back(ship);
            break;
        }
    }
    return Fleet(std::move(ships));
}

const std::vector<Ship>& Fleet::ships() const
{
    return m_ships;
}

std::optional<std::size_t> Fleet::shipAt(Coord coord) const
{
    for (std::size_t i = 0; i < m_ships.size(); ++i)
        if (m_ships[i].covers(coord))
            return i;
    return std::nullopt;
}

bool Fleet::canPlace(std::size_t index, const Ship& ship) const
{
    if (index >= m_ships.size() || ship.length != m_ships[index].length || !ship.isInside())
        return false;
    for (std::size_t i = 0; i < m_ships.size(); ++i)
        if (i != index && std::ranges::any_of(ship.cells(), [&](Coord cell) { return m_ships[i].covers(cell); }))
            return false;
    return true;
}

bool Fleet::moveShip(std::size_t index, Coord origin)
{
    if (index >= m_ships.size())
        return false;
    Ship moved = m_ships[index];
    moved.origin = origin;
    if (!canPlace(index, moved))
        return false;
    m_ships[index] = moved;
    return true;
}

bool Fleet::rotateShip(std::size_t index)
{
    if (index >= m_ships.size())
        return false;
    Ship turned = m_ships[index];
    turned.orientation = turned.orientation == Orientation::Horizontal ? Orientation::Vertical
                                                                       : Orientation::Horizontal;
    if (!canPlace(index, turned))
        return false;
    m_ships[index] = turned;
    return true;
}

std::string Fleet::toText() const
{
    std::string text;
    for (const Ship& ship : sorted(m_ships))
        text += (text.empty() ? "" : ",") + toString(ship);
    return text;
}

bool operator==(const Fleet& a, const Fleet& b)
{
    return sorted(a.m_ships) == sorted(b.m_ships);
}

std::ostream& operator<<(std::ostream& out, const Fleet& fleet)
{
    out << "   A B C D E F G H I J\n";
    for (int row = 0; row < SeaSize; ++row)
    {
        out << (row + 1 < 10 ? " " : "") << row + 1;
        for (int column = 0; column < SeaSize; ++column)
        {
            const auto index = fleet.shipAt({column, row});
            out << ' ' << (index ? static_cast<char>('0' + fleet.ships()[*index].length) : '.');
        }
        out << '\n';
    }
    return out << fleet.toText() << '\n';
}

} // namespace battleship
