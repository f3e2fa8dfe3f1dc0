#pragma once

#include <array>
#include <chrono>
#include <optional>
#include <string>

#include <mqttgames/engine/Round.hpp>
#include <mqttgames/engine/TimeControl.hpp>

namespace engine
{

/// The two clocks of one round under a time control, as this side sees them: the side to move
/// loses time, the other's clock stands. Nothing here reads a clock: every call is told the time, so
/// a test can give its own.
class RoundClock
{
public:
    using TimePoint = std::chrono::steady_clock::time_point;
    using Duration = std::chrono::milliseconds;

    /// Both sides start with the bank (or the limit per move); nobody's clock runs yet.
    explicit RoundClock(TimeControl control);

    /// From `at` on, `side`'s clock runs (Local or Remote; Both and None stop both). The side whose
    /// clock stops gets the increment; a side whose clock starts under a limit per move gets the limit.
    void run(Turn side, TimePoint at);
    Turn running() const { return m_running; }
    /// Time left to `side` at `now`; negative once it ran out.
    Duration remaining(Turn side, TimePoint now) const;
    /// When the running side's time is up; nothing while no clock runs.
    std::optional<TimePoint> deadline() const;

    /// "4:05", "0:09": minutes and seconds left, rounded up (as chess clocks show them), never below 0.
    static std::string format(Duration left);

private:
    static std::size_t index(Turn side) { return side == Turn::Local ? 0 : 1; }

    TimeControl m_control;
    std::array<Duration, 2> m_left; // Local, Remote: as of m_since for the running side
    Turn m_running = Turn::None;
    TimePoint m_since;
};

} // namespace engine
