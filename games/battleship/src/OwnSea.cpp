#include <mqttgames/battleship/OwnSea.hpp>

#include <algorithm>

namespace battleship
{

OwnSea::OwnSea(Fleet fleet)
    : m_fleet(std::move(fleet))
    , m_hitsPerShip(m_fleet.ships().size(), 0)
{
}

ShotAnswer OwnSea::receive(Coord shot)
{
    if (!isInside(shot))
        return {};
    auto& answer = m_answers[indexOf(shot)];
    if (answer)
        return *answer;

    answer = ShotAnswer{};
    if (const auto index = m_fleet.shipAt(shot))
    {
        ++m_hitsPerShip[*index];
        answer->outcome = ShotOutcome::Hit;
        if (isSunk(*index))
            *answer = {ShotOutcome::Sunk, m_fleet.ships()[*index]};
    }
    return *answer;
}

std::optional<ShotAnswer> OwnSea::answerAt(Coord cell) const
{
    return isInside(cell) ? m_answers[indexOf(cell)] : std::nullopt;
}

bool OwnSea::isShot(Coord cell) const
{
    return answerAt(cell).has_value();
}

bool OwnSea::isSunk(std::size_t index) const
{
    return index < m_hitsPerShip.size() && m_hitsPerShip[index] == m_fleet.ships()[index].length;
}

int OwnSea::shipsSunk() const
{
    int sunk = 0;
    for (std::size_t i = 0; i < m_hitsPerShip.size(); ++i)
        sunk += isSunk(i) ? 1 : 0;
    return sunk;
}

bool OwnSea::allSunk() const
{
    return shipsSunk() == static_cast<int>(m_fleet.ships().size());
}

const Fleet& OwnSea::fleet() const
{
    return m_fleet;
}

} // namespace battleship
