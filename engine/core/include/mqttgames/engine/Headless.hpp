#pragma once

#include <ostream>
#include <vector>

#include <mqttgames/engine/Match.hpp>

namespace engine
{

struct HeadlessSettings
{
    /// Stop with status 0 after this many finished rounds (0: until "quit" or end of input).
    int games = 1;
    /// Where a person's actions are read from when no bot plays the seat (standard input).
    int inputFd = 0;
    /// Other seats to keep running in this loop (a computer opponent); borrowed.
    std::vector<Match*> companions;
    /// Borrowed; when it turns true (set on the main thread, e.g. by a call posted to the queue),
    /// the run ends with status 130.
    const bool* stopRequested = nullptr;
};

/// Plays a match with no window: connects, prints every event, each move and the board as text, and
/// reads the player's actions in the game's notation (unless the computer plays the seat).
/// Returns the exit status: 0 when the games were played (or the player quit), 1 when the broker
/// could not be reached, 2 when the partner left during scripted games. Main thread.
int runHeadless(Match& match, std::ostream& out, const HeadlessSettings& settings);

} // namespace engine
