#include <mqttgames/engine/Replay.hpp>

#include <mqttgames/engine/Game.hpp>
#include <mqttgames/engine/Round.hpp>

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <ctime>
#include <stdexcept>
#include <system_error>

#include <fcntl.h>
#include <unistd.h>

namespace engine
{

Recorder::Recorder(std::filesystem::path file) : m_file(std::move(file))
{
    std::error_code error;
    std::filesystem::create_directories(m_file.parent_path(), error);
    m_out.open(m_file, std::ios::out | std::ios::trunc);
    if (!m_out)
        throw std::runtime_error("cannot write the replay file " + m_file.string() +
                                 (error ? ": " + error.message() : std::string()));
    m_out << ReplayHeader << '\n' << std::flush;
}

void Recorder::write(const Snapshot& snapshot)
{
    if (m_last && m_last->showsSameAs(snapshot))
        return;
    m_out << encodeSnapshot(snapshot) << '\n' << std::flush;
    m_last = snapshot;
}

std::filesystem::path replayFolder()
{
    if (const char* data = std::getenv("XDG_DATA_HOME"); data && *data == '/')
        return std::filesystem::path(data) / "mqttgames" / "replays";
    if (const char* home = std::getenv("HOME"); home && *home == '/')
        return std::filesystem::path(home) / ".local" / "share" / "mqttgames" / "replays";
    return "replays";
}

std::string shownPath(const std::filesystem::path& path)
{
    const std::string text = path.string();
    const char* home = std::getenv("HOME");
    if (!home || *home != '/')
        return text;
    const std::string prefix = std::filesystem::path(home).lexically_normal().string();
    if (text.size() > prefix.size() && text.starts_with(prefix) && text[prefix.size()] == '/' && prefix != "/")
        return "~" + text.substr(prefix.size());
    return text;
}

std::filesystem::path newReplayFile(const std::filesystem::path& folder, const std::string& game, const std::string& room)
{
    std::string safeRoom = room;
    for (char& c : safeRoom)
        if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_')
            c = '_';
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &local);
    const std::string stem = game + "-" + safeRoom + "-" + stamp;
    std::error_code error;
    std::filesystem::create_directories(folder, error);
    // The name is taken by creating the file: two players on one machine may start in one second.
    for (int n = 1;; ++n)
    {
        const std::filesystem::path file = folder / (n == 1 ? stem + ".jsonl" : stem + "-" + std::to_string(n) + ".jsonl");
        const int fd = ::open(file.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
        if (fd >= 0)
        {
            ::close(fd);
            return file;
        }
        if (errno != EEXIST)
            return file; // the Recorder says why it cannot write there
    }
}

std::optional<std::vector<ReplayLine>> readReplay(std::istream& in, std::string& error)
{
    std::vector<ReplayLine> replay;
    std::string text;
    int line = 0;
    while (std::getline(in, text))
    {
        ++line;
        const bool complete = !in.eof(); // every line the recorder writes ends in a newline
        if (line == 1)
        {
            if (text != ReplayHeader)
            {
                error = "line 1: not an mqttgames replay (it starts with no " + std::string(ReplayHeader) + ")";
                return std::nullopt;
            }
            continue;
        }
        std::string why;
        auto snapshot = decodeSnapshot(text, why);
        if (!snapshot || !complete)
        {
            error = "line " + std::to_string(line) + ": " + (snapshot ? "cut short (the file is truncated)" : why);
            return std::nullopt;
        }
        if (!replay.empty())
        {
            const Snapshot& first = replay.front().snapshot;
            const Snapshot& last = replay.back().snapshot;
            if (snapshot->game != first.game || snapshot->version != first.version)
            {
                error = "line " + std::to_string(line) + ": a snapshot of " + snapshot->game + " v" +
                        std::to_string(snapshot->version) + " in a replay of " + first.game + " v" + std::to_string(first.version);
                return std::nullopt;
            }
            if (snapshot->round < last.round || snapshot->millis < last.millis)
            {
                error = "line " + std::to_string(line) + ": goes back in time (round " + std::to_string(snapshot->round) +
                        " after round " + std::to_string(last.round) + ")";
                return std::nullopt;
            }
        }
        replay.push_back({line, std::move(*snapshot)});
    }
    if (line == 0)
    {
        error = "the file is empty";
        return std::nullopt;
    }
    if (replay.empty())
    {
        error = "line 2: no moves recorded";
        return std::nullopt;
    }
    return replay;
}

bool checkReplay(const Game& game, const std::vector<ReplayLine>& replay, std::string& error)
{
    for (const ReplayLine& entry : replay)
    {
        std::string why;
        if (!roundAt(game, entry.snapshot, why))
        {
            error = "line " + std::to_string(entry.line) + ": " + why;
            return false;
        }
    }
    return true;
}

} // namespace engine
