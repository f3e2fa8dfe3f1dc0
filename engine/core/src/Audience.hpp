#pragma once

#include <cstddef>
#include <mutex>
#include <set>
#include <string>

#include "Wakeup.hpp"

namespace engine
{

/// The spectators of a room, as they announce themselves (Spectator keeps a retained "here" beside
/// the feed, and its will clears it): noted on the network thread, counted on the main one. It
/// remembers at most MaxCounted, so a stranger announcing thousands cannot make it grow for ever.
class Audience
{
public:
    static constexpr std::size_t MaxCounted = 999;

    /// A change wakes the loop that drains `queue` (see Wakeup).
    explicit Audience(mqtt::EventQueue queue) : m_wake(std::move(queue)) {}

    /// A message on PresenceSubtopic/ID: a spectator there (any payload), or gone (empty). Any thread.
    void note(const std::string& subtopic, const std::string& payload);
    std::size_t count() const;

private:
    Wakeup m_wake;
    mutable std::mutex m_mutex;
    std::set<std::string> m_here;
};

} // namespace engine
