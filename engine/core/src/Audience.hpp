#pragma once

#include <atomic>
#include <cstddef>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include <mqttgames/mqtt/EventQueue.hpp>

namespace engine
{

/// The spectators of a room, as they announce themselves (Spectator keeps a retained "here" beside
/// the feed, and its will clears it): noted on the network thread, counted on the main one. It
/// remembers at most MaxCounted, so a stranger announcing thousands cannot make it grow for ever.
class Audience
{
public:
    static constexpr std::size_t MaxCounted = 999;

    /// A change wakes the loop that drains `queue`, with at most one call waiting there at a time:
    /// a stranger coming and going a million times cannot push the game's events out.
    explicit Audience(mqtt::EventQueue queue) : m_queue(std::move(queue)) {}

    /// A message on PresenceSubtopic/ID: a spectator there (any payload), or gone (empty). Any thread.
    void note(const std::string& subtopic, const std::string& payload);
    std::size_t count() const;

private:
    mqtt::EventQueue m_queue;
    std::shared_ptr<std::atomic<bool>> m_wakeQueued = std::make_shared<std::atomic<bool>>(false);
    mutable std::mutex m_mutex;
    std::set<std::string> m_here;
};

} // namespace engine
