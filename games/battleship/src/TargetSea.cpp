#include <mqttgames/battleship/TargetSea.hpp>

#include <algorithm>
#include <ostream>

namespace battleship
{

bool TargetSea::record(Coord shot, const ShotAnswer& answer)
{
    if (!isInside(shot) || isShot(shot))
        return false;

    if (answer.outcome == ShotOutcome::Sunk)
    {
        if (!answer.sunkShip || !answer.sunkShip->isInside() || !answer.sunkShip->covers(shot))
            return false;
        const Ship& ship = *answer.sunkShip;
        const auto remaining = std::ranges::find(m_remaining, ship.length);
        if (remaining == m_remaining.end())
            return false;
        for (const Coord cell : ship.cells())
            if (cell != shot && at(cell) != CellState::Hit)
                return false;

        for (const Coord cell : ship.cells())
            m_cells[indexOf(cell)] = CellState::Sunk;
        m_remaining.erase(remaining);
        m_sunk.push_back(ship);
    }
    else
        m_cells[indexOf(shot)] = answer.outcome == ShotOutcome::Hit ? CellState::Hit : CellState::Miss;

    ++m_shots;
    return true;
}

CellState TargetSea::at(Coord cell) const
{
    return isInside(cell) ? m_cells[indexOf(cell)] : CellState::Unknown;
}

bool TargetSea::isShot(Coord cell) const
{
    return at(cell) != CellState::Unknown;
}

const std::vector<int>& TargetSea::remainingLengths() const
{
    return m_remaining;
}

const std::vector<Ship>& TargetSea::sunkShips() const
{
    return m_sunk;
}

int TargetSea::shipsSunk() const
{
    return static_cast<int>(m_sunk.size());
}

bool TargetSea::allSunk() const
{
    return m_remaining.empty();
}

int TargetSea::shotsFired() const
{
    return m_shots;
}

std::ostream& operator<<(std::ostream& out, const TargetSea& sea)
{
    out << "   A B C D E F G H I J\n";
    for (int row = 0; row < SeaSize; ++row)
    {
        out << (row + 1 < 10 ? " " : "") << row + 1;
        for (int column = 0; column < SeaSize; ++column)
        {
            constexpr char Marks[] = {'.', 'o', 'x', '#'};
            out << ' ' << Marks[static_cast<int>(sea.at({column, row}))];
        }
        out << '\n';
    }
    return out;
}

} // namespace battleship
