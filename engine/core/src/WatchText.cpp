#include <mqttgames/engine/WatchText.hpp>

#include <mqttgames/engine/Game.hpp>
#include <mqttgames/engine/Loop.hpp>
#include <mqttgames/engine/Round.hpp>
#include <mqttgames/engine/Spectator.hpp>

#include <chrono>
#include <sstream>

namespace engine
{

namespace
{
constexpr auto IdleWait = std::chrono::milliseconds(500);

std::string scoreText(const Snapshot& snapshot)
{
    return snapshot.players[0] + " " + std::to_string(snapshot.wins[0]) + " · " + snapshot.players[1] + " " +
           std::to_string(snapshot.wins[1]) + " · " + std::to_string(snapshot.draws) + (snapshot.draws == 1 ? " draw" : " draws");
}
} // namespace

std::string snapshotText(const Snapshot& snapshot, const Round& round, bool heading)
{
    std::ostringstream out;
    if (heading)
    {
        const auto named = [](const std::string& player, const std::string& side)
        { return side.empty() ? player : player + " (" + side + ")"; };
        out << "Round " << snapshot.round << ": " << named(snapshot.players[0], round.localSide()) << " vs "
            << named(snapshot.players[1], round.remoteSide()) << '\n';
    }
    if (!snapshot.event.empty())
        out << snapshot.event << '\n';
    out << round.boardText();
    if (!snapshot.result.empty())
        out << "result: " << snapshot.result << " — score " << scoreText(snapshot) << '\n';
    return out.str();
}

int watchInTerminal(Spectator& spectator, std::ostream& out, const WatchSettings& settings)
{
    int lastRound = 0;
    int roundsEnded = 0;
    int lastEnded = 0; // a round's end may come in more than one snapshot (the result, then the score)
    spectator.setListener(
        [&](const Snapshot& snapshot, const Round& round)
        {
            out << snapshotText(snapshot, round, snapshot.round != lastRound) << std::flush;
            lastRound = snapshot.round;
            if (!snapshot.result.empty() && snapshot.round != lastEnded)
            {
                lastEnded = snapshot.round;
                ++roundsEnded;
            }
        });
    if (!spectator.start())
    {
        out << spectator.problem() << '\n' << std::flush;
        return 1;
    }
    out << "watching " << spectator.topic() << " (Ctrl-C ends)\n" << std::flush;
    Loop loop(spectator.queue());
    std::string lastProblem;
    for (;;)
    {
        loop.step(IdleWait);
        if (settings.stopRequested && *settings.stopRequested)
            return 130;
        if (spectator.problem() != lastProblem)
        {
            lastProblem = spectator.problem();
            if (!lastProblem.empty())
                out << "-- " << lastProblem << '\n' << std::flush;
        }
        if (settings.games > 0 && roundsEnded >= settings.games)
            return 0;
    }
}

void printReplay(const Game& game, const std::vector<ReplayLine>& replay, std::ostream& out)
{
    int lastRound = 0;
    for (const ReplayLine& entry : replay)
    {
        std::string error;
        const auto round = roundAt(game, entry.snapshot, error);
        if (!round)
            continue; // checkReplay() let none of these through
        out << snapshotText(entry.snapshot, *round, entry.snapshot.round != lastRound);
        lastRound = entry.snapshot.round;
    }
    out << std::flush;
}

} // namespace engine
