#pragma once

#include <array>
#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace engine
{

class Game;
class Round;
class Session;

/// What anyone watching a match may know at one moment: the board as Round::publicPosition() gives
/// it, the players, the score and the result. Spectators read one whenever it changes (the match's
/// feed), and a replay file holds one a line. Seen from nobody's side: players[0] moves first in
/// this round.
struct Snapshot
{
    std::string game;
    int version = 0;
    int round = 0; ///< 1 for the match's first
    std::array<std::string, 2> players;
    std::string position; ///< in the game's load() notation, from the round's start
    std::string event;    ///< the last thing that happened ("X plays 5"); "" at the start
    std::string result;   ///< "X wins", "Draw"; "" while the round is on
    std::array<int, 2> wins{}; ///< of players[0] and players[1], in this match so far
    int draws = 0;
    std::int64_t millis = 0; ///< since the match began

    /// Whether two snapshots show the same (the time aside).
    bool showsSameAs(const Snapshot& other) const;
};

/// The session's match as a spectator may see it; nothing before the first round, or for a game
/// whose rounds have no public position.
std::optional<Snapshot> snapshotOf(const Session& session, std::chrono::milliseconds sinceStart);

/// One line of JSON.
std::string encodeSnapshot(const Snapshot& snapshot);
/// A snapshot from its JSON; nothing, with the reason in `error`, for anything else. Never throws.
std::optional<Snapshot> decodeSnapshot(std::string_view text, std::string& error);

/// A round of `game` at the snapshot's position (its first mover local); nothing, with the reason,
/// when the snapshot is of another game or version, or its position is not one of the game's.
std::unique_ptr<Round> roundAt(const Game& game, const Snapshot& snapshot, std::string& error);

} // namespace engine
