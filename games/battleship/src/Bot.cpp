#include <mqttgames/battleship/Bot.hpp>

#include <algorithm>
#include <vector>

namespace battleship
{

namespace
{

// A placement through k unresolved hits counts HitWeight^k times: finishing a wounded ship is
// almost always the best use of a shot.
constexpr double HitWeight = 100.0;

constexpr std::array<Coord, 4> Steps{{{1, 0}, {-1, 0}, {0, 1}, {0, -1}}};

Coord step(Coord from, Coord by, int times = 1)
{
    return {from.column + by.column * times, from.row + by.row * times};
}

std::optional<Coord> pickAny(const std::vector<Coord>& cells, std::mt19937_64& random)
{
    if (cells.empty())
        return std::nullopt;
    return cells[std::uniform_int_distribution<std::size_t>(0, cells.size() - 1)(random)];
}

std::vector<Coord> unshotCells(const TargetSea& sea, bool checkerboardOnly)
{
    std::vector<Coord> cells;
    for (int index = 0; index < SeaCells; ++index)
    {
        const Coord cell = coordAt(index);
        if (!sea.isShot(cell) && (!checkerboardOnly || (cell.column + cell.row) % 2 == 0))
            cells.push_back(cell);
    }
    return cells;
}

std::optional<Coord> shootAtRandom(const TargetSea& sea, std::mt19937_64& random)
{
    return pickAny(unshotCells(sea, false), random);
}

std::optional<Coord> huntAndTarget(const TargetSea& sea, std::mt19937_64& random)
{
    std::vector<Coord> alongLines;
    std::vector<Coord> around;
    for (int index = 0; index < SeaCells; ++index)
    {
        const Coord hit = coordAt(index);
        if (sea.at(hit) != CellState::Hit)
            continue;
        for (const Coord by : Steps)
        {
            const Coord next = step(hit, by);
            if (sea.at(step(hit, by, -1)) == CellState::Hit)
            {
                // Two hits in a line: the ship most likely goes on past the end of the run.
                Coord end = next;
                while (sea.at(end) == CellState::Hit)
                    end = step(end, by);
                if (isInside(end) && !sea.isShot(end))
                    alongLines.push_back(end);
            }
            if (isInside(next) && !sea.isShot(next))
                around.push_back(next);
        }
    }
    if (auto cell = pickAny(alongLines, random))
        return cell;
    if (auto cell = pickAny(around, random))
        return cell;
    // Every ship covers a cell of each colour, so one colour finds them all.
    if (auto cell = pickAny(unshotCells(sea, true), random))
        return cell;
    return shootAtRandom(sea, random);
}

std::optional<Coord> densest(const TargetSea& sea, std::mt19937_64& random)
{
    const auto density = shotDensity(sea);
    const double best = *std::ranges::max_element(density);
    if (best <= 0.0)
        return shootAtRandom(sea, random);
    std::vector<Coord> ties;
    for (int index = 0; index < SeaCells; ++index)
        if (density[index] == best)
            ties.push_back(coordAt(index));
    return pickAny(ties, random);
}

} // namespace

std::array<double, SeaCells> shotDensity(const TargetSea& sea)
{
    std::array<CellState, SeaCells> cells{};
    for (int index = 0; index < SeaCells; ++index)
        cells[index] = sea.at(coordAt(index));

    std::array<double, SeaCells> density{};
    for (const int length : sea.remainingLengths())
        for (const int stride : {1, SeaSize})
        {
            // A horizontal placement steps by 1 through the cell indices, a vertical one by a row.
            const bool horizontal = stride == 1;
            for (int across = 0; across < SeaSize; ++across)
                for (int along = 0; along + length <= SeaSize; ++along)
                {
                    const int first = horizontal ? across * SeaSize + along : along * SeaSize + across;
                    int hits = 0;
                    bool fits = true;
                    for (int i = 0; i < length && fits; ++i)
                    {
                        const CellState state = cells[first + i * stride];
                        fits = state == CellState::Unknown || state == CellState::Hit;
                        hits += state == CellState::Hit ? 1 : 0;
                    }
                    if (!fits)
                        continue;
                    double weight = 1.0;
                    for (int i = 0; i < hits; ++i)
                        weight *= HitWeight;
                    for (int i = 0; i < length; ++i)
                        if (cells[first + i * stride] == CellState::Unknown)
                            density[first + i * stride] += weight;
                }
        }
    return density;
}

std::optional<Coord> chooseShot(Level level, const TargetSea& sea, std::mt19937_64& random)
{
    switch (level)
    {
    case Level::Easy: return shootAtRandom(sea, random);
    case Level::Medium: return huntAndTarget(sea, random);
    case Level::Hard: return densest(sea, random);
    }
    return shootAtRandom(sea, random);
}

} // namespace battleship
