#pragma once

#include <ostream>
#include <vector>

#include <mqttgames/engine/Replay.hpp>
#include <mqttgames/engine/Snapshot.hpp>

namespace engine
{

class Round;
class Spectator;

/// A snapshot as a terminal shows it: a heading ("Round 2: Ann (X) vs Bob (O)") when `heading`, the
/// last event, the board, and the result with the score once the round is over. `round` is the
/// snapshot's (roundAt()).
std::string snapshotText(const Snapshot& snapshot, const Round& round, bool heading);

/// How long a terminal spectator watches.
struct WatchSettings
{
    /// Stop with status 0 once this many rounds were seen to end (0: until stopped).
    int games = 0;
    /// Borrowed; when it turns true on the main thread, the watch ends with status 130.
    const bool* stopRequested = nullptr;
};

/// Terminal spectating: starts the spectator and prints every snapshot of the room's feed. Returns
/// the exit status: 0, 130 when stopped, 1 when the broker cannot be reached.
int watchInTerminal(Spectator& spectator, std::ostream& out, const WatchSettings& settings);

/// Prints every position of a replay that checkReplay() accepted for `game`.
void printReplay(const Game& game, const std::vector<ReplayLine>& replay, std::ostream& out);

} // namespace engine
