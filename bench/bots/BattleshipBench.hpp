#pragma once

#include <iosfwd>

namespace bench
{

/// Each level against the same random fleets: prints a JSON line per level, then a table of the
/// shots needed to sink a fleet (mean, median, 90th percentile).
void runBattleship(int games, std::ostream& json, std::ostream& table);

} // namespace bench
