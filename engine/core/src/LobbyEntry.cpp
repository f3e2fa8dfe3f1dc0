#include <mqttgames/engine/LobbyEntry.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

#include <mqttgames/engine/JsonFields.hpp>
#include <mqttgames/mqtt/SafeText.hpp>

namespace engine
{

namespace
{
using Clock = LobbyEntry::Clock;

long long secondsOf(Clock::time_point time)
{
    return std::chrono::duration_cast<std::chrono::seconds>(time.time_since_epoch()).count();
}

Clock::time_point timeOf(long long seconds)
{
    return Clock::time_point(std::chrono::seconds(seconds));
}

bool isIdCharacter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
}

std::string roomProblem(const std::string& room)
{
    if (room.empty())
        return "the room is empty";
    if (room.size() > LobbyEntry::MaxRoomLength)
        return "the room is longer than " + std::to_string(LobbyEntry::MaxRoomLength) + " bytes";
    if (mqtt::text::printable(room) != room || room.front() == ' ' || room.back() == ' ')
        return "the room has characters nobody could type";
    return "";
}
} // namespace

std::string lobbyTopic(const std::string& game)
{
    return "mqttgames/lobby/" + game;
}

std::string encodeLobbyEntry(const LobbyEntry& entry)
{
    nlohmann::json body{{"room", entry.room}, {"name", entry.name}, {"since", secondsOf(entry.since)}, {"seen", secondsOf(entry.seen)}};
    if (!entry.clock.isNone())
        body["clock"] = entry.clock.text();
    return body.dump();
}

std::optional<LobbyEntry> decodeLobbyEntry(std::string_view id, std::string_view payload, Clock::time_point now, std::string& error)
{
    if (id.empty() || id.size() > 40 || !std::ranges::all_of(id, isIdCharacter))
    {
        error = "the entry's topic does not end in an id";
        return std::nullopt;
    }
    if (payload.size() > LobbyEntry::MaxBytes)
    {
        error = "the entry is longer than " + std::to_string(LobbyEntry::MaxBytes) + " bytes";
        return std::nullopt;
    }
    const auto body = nlohmann::json::parse(payload, nullptr, false);
    const JsonFields fields(body, "entry", error);
    const std::string* room = fields.text("room");
    const std::string* name = fields.text("name");
    // Up to the year 9999: a time_point of seconds cannot overflow.
    const auto since = fields.integer("since", 0, 253402300799);
    const auto seen = fields.integer("seen", 0, 253402300799);
    if (!room || !name || !since || !seen)
        return std::nullopt;
    if (error = roomProblem(*room); !error.empty())
        return std::nullopt;
    if (error = mqtt::text::nameProblem(*name); !error.empty() || mqtt::text::cleanName(*name) != *name)
    {
        error = "the name cannot be shown as sent";
        return std::nullopt;
    }
    if (*since > *seen)
    {
        error = "the entry was refreshed before it began";
        return std::nullopt;
    }
    if (timeOf(*seen) > now + LobbyEntry::MostAhead)
    {
        error = "the entry is dated ahead of this clock";
        return std::nullopt;
    }
    TimeControl clock;
    if (fields.has("clock"))
    {
        const std::string* text = fields.text("clock");
        std::string why;
        const auto parsed = text ? TimeControl::parse(*text, why) : std::nullopt;
        if (!parsed)
        {
            error = "the entry's clock is no time control";
            return std::nullopt;
        }
        clock = *parsed;
    }
    error.clear();
    return LobbyEntry{std::string(id), *room, *name, timeOf(*since), timeOf(*seen), clock};
}

std::string waitingFor(const LobbyEntry& entry, Clock::time_point now)
{
    const long long minutes = std::max<long long>(0, std::chrono::duration_cast<std::chrono::minutes>(now - entry.since).count());
    if (minutes == 0)
        return "just now";
    if (minutes < 60)
        return std::to_string(minutes) + " min";
    return std::to_string(minutes / 60) + " h " + std::to_string(minutes % 60) + " min";
}

} // namespace engine
