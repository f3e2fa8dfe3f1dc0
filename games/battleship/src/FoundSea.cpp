#include "FoundSea.hpp"

#include <algorithm>
#include <vector>

#include <mqttgames/engine/Shapes.hpp>

namespace battleship
{

void paintFoundSea(SeaView& view, const TargetSea& sea, const std::optional<Fleet>& revealed, sf::Color fleetColor,
                   const engine::Theme& theme)
{
    // What is left of the fleet: every length, the sunk ones greyed.
    std::vector<int> lengths(FleetLengths.begin(), FleetLengths.end());
    std::vector<bool> afloat(lengths.size(), true);
    for (const Ship& sunk : sea.sunkShips())
        for (std::size_t i = 0; i < lengths.size(); ++i)
            if (afloat[i] && lengths[i] == sunk.length)
            {
                afloat[i] = false;
                break;
            }
    view.setRoster(lengths, afloat, engine::mix(theme.panelRaised, fleetColor, 0.7f), engine::mix(theme.panelRaised, theme.bad, 0.35f));
    view.setCaption(std::to_string(sea.shotsFired()) + " shots \xC2\xB7 " + std::to_string(sea.shipsSunk()) + " sunk", theme.mutedText);

    const sf::Color hitTile = engine::mix(theme.panelRaised, theme.warning, 0.22f);
    const sf::Color sunkTile = engine::mix(theme.panelRaised, theme.bad, 0.18f);
    for (int index = 0; index < SeaCells; ++index)
    {
        const Coord cell = coordAt(index);
        switch (sea.at(cell))
        {
            case CellState::Unknown: break;
            case CellState::Miss:
                view.tintTile(cell, engine::mix(theme.panelRaised, theme.panel, 0.55f));
                view.addMiss(cell);
                break;
            case CellState::Hit: view.tintTile(cell, hitTile); break;
            case CellState::Sunk: view.tintTile(cell, sunkTile); break;
        }
    }
    if (revealed)
        for (const Ship& ship : revealed->ships())
            if (std::ranges::find(sea.sunkShips(), ship) == sea.sunkShips().end())
                view.addShip(ship, engine::fade(fleetColor, 0.12f), engine::fade(fleetColor, 0.7f), 1.5f);
    for (const Ship& ship : sea.sunkShips())
        view.addShip(ship, engine::mix(theme.panelRaised, fleetColor, 0.35f), fleetColor, 2.f);
    for (int index = 0; index < SeaCells; ++index)
    {
        const Coord cell = coordAt(index);
        if (sea.at(cell) == CellState::Hit)
            view.addHit(cell, theme.warning);
        else if (sea.at(cell) == CellState::Sunk)
            view.addHit(cell, theme.bad);
    }
}

} // namespace battleship
