#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <vector>

#include <mqttgames/mqtt/EventQueue.hpp>

namespace engine
{

class Match;

/// The sooner of two wake-ups, either of which may be none.
std::optional<std::chrono::steady_clock::time_point> earliest(std::optional<std::chrono::steady_clock::time_point> a,
                                                              std::optional<std::chrono::steady_clock::time_point> b);

/// The one main loop step of a program: waits on the queue until a call is posted or the earliest
/// wake-up is due (a seat's next resend, paced bot move or grace deadline, or one the caller names),
/// runs every call that came, then updates the seats. The window, terminal play and tests each call
/// step() from their own loop, so all of them honour the sessions' timers the same way.
/// Main thread only.
class Loop
{
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    /// `queue` is the one the seats' network and bot threads post to.
    explicit Loop(mqtt::EventQueue queue);

    /// A seat to update every step; borrowed, it outlives the loop.
    void add(Match& seat);
    /// Waits at most `idle` (less when a seat's or `wake`'s time comes sooner), runs the calls that
    /// came, updates the seats. Returns how many calls ran.
    std::size_t step(std::chrono::milliseconds idle, std::optional<TimePoint> wake = std::nullopt);
    /// The earliest wake-up any seat asks for.
    std::optional<TimePoint> nextWake() const;

private:
    mqtt::EventQueue m_queue;
    std::vector<Match*> m_seats;
};

} // namespace engine
