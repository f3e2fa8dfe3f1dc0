#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include <mqttgames/engine/TimeControl.hpp>

namespace engine
{

/// The lobby of a game: where the players who wait for a partner say so, each with a retained
/// message on lobbyTopic(game)/ID that a late subscriber sees at once. The message is refreshed
/// while the player waits and cleared when it pairs or leaves (by its will when it vanishes), so no
/// server keeps the list. Anybody may publish there: readers check every entry (decodeLobbyEntry).
std::string lobbyTopic(const std::string& game);

/// One player waiting in a room, as its lobby entry says. Times are the publisher's wall clock in
/// whole seconds since 1970 (another machine's clock: only differences near "now" are trusted).
struct LobbyEntry
{
    using Clock = std::chrono::system_clock;

    std::string id; ///< the last level of the entry's topic
    std::string room;
    std::string name;
    Clock::time_point since; ///< waiting since
    Clock::time_point seen;  ///< last refreshed
    TimeControl clock;       ///< of the room: whoever joins plays by it

    /// A waiting player refreshes its entry this often...
    static constexpr std::chrono::seconds RefreshEvery{60};
    /// ...and readers ignore one not refreshed for this long (a player whose broker kept the entry
    /// though the will never came, or a forgery left behind).
    static constexpr std::chrono::seconds StaleAfter{180};
    /// Readers refuse entries dated further ahead of their own clock than this.
    static constexpr std::chrono::seconds MostAhead{300};
    static constexpr std::size_t MaxBytes = 512;
    static constexpr std::size_t MaxRoomLength = 40;

    /// Not refreshed for StaleAfter at `now`.
    bool isStale(Clock::time_point now) const { return now - seen > StaleAfter; }
};

/// The entry's payload: {"room":…, "name":…, "since":…, "seen":…}, and "clock" when there is one.
std::string encodeLobbyEntry(const LobbyEntry& entry);
/// Reads the entry found on lobbyTopic(game)/`id`, checking everything a stranger could get wrong
/// on purpose: its size, the JSON, each field's type and range, a room we could not join as
/// named, a name we could not show, times ahead of `now` or out of order. Nothing, with the reason
/// in `error`, when any check fails.
std::optional<LobbyEntry> decodeLobbyEntry(std::string_view id, std::string_view payload, LobbyEntry::Clock::time_point now,
                                           std::string& error);

/// "just now", "2 min", "1 h 5 min": how long `entry` has waited at `now`.
std::string waitingFor(const LobbyEntry& entry, LobbyEntry::Clock::time_point now);

} // namespace engine
