#pragma once

#include <filesystem>
#include <fstream>
#include <istream>
#include <optional>
#include <string>
#include <vector>

#include <mqttgames/engine/Snapshot.hpp>

namespace engine
{

/// A replay file: a header line, then one Snapshot a line (JSON lines), each written when what a
/// spectator sees changed.
inline constexpr const char* ReplayHeader = R"({"mqttgames":"replay","format":1})";

/// Writes a match to a replay file as it is played.
class Recorder
{
public:
    /// Creates `file` (and its folder). Throws std::runtime_error, naming the file, when it cannot.
    explicit Recorder(std::filesystem::path file);

    const std::filesystem::path& file() const { return m_file; }
    /// Adds the snapshot, unless it shows what the last one showed. Flushed at once: a match cut
    /// short still leaves everything up to its last move.
    void write(const Snapshot& snapshot);

private:
    std::filesystem::path m_file;
    std::ofstream m_out;
    std::optional<Snapshot> m_last;
};

/// Where matches are recorded: $XDG_DATA_HOME/mqttgames/replays, else ~/.local/share/mqttgames/replays
/// (the working folder's "replays" when neither is known).
std::filesystem::path replayFolder();
/// A path as a person reads it on screen: the home folder as "~".
std::string shownPath(const std::filesystem::path& path);
/// A new file in `folder` (created empty, so nobody else takes its name) for a match of `game` in
/// `room`: GAME-ROOM-YYYYMMDD-HHMMSS.jsonl, with a number added if that exists already.
std::filesystem::path newReplayFile(const std::filesystem::path& folder, const std::string& game, const std::string& room);

/// One snapshot of a replay, with the line it came from.
struct ReplayLine
{
    int line = 0;
    Snapshot snapshot;
};

/// The snapshots of a replay file, checked line by line: the header, JSON of the right shape, one
/// game and version throughout; nothing, with the reason naming the line, otherwise. Positions are
/// not checked here (see checkReplay): the game is not known before the file is read.
std::optional<std::vector<ReplayLine>> readReplay(std::istream& in, std::string& error);
/// Whether every position of the replay is one of `game`'s (and of its protocol version); the
/// reason names the first line that is not.
bool checkReplay(const Game& game, const std::vector<ReplayLine>& replay, std::string& error);

} // namespace engine
