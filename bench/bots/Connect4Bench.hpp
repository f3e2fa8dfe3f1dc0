#pragma once

#include <chrono>
#include <iosfwd>

namespace bench
{

struct Connect4Options
{
    int games = 3;
    int openingMoves = 2;
    std::chrono::milliseconds budget{300};
};

/// Hard against Hard from seeded random openings: prints a JSON line per move and per game set,
/// then a table of nodes per second and depth reached.
void runConnect4(const Connect4Options& options, std::ostream& json, std::ostream& table);

} // namespace bench
