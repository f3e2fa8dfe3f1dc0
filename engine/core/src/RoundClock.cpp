#include <mqttgames/engine/RoundClock.hpp>

namespace engine
{

RoundClock::RoundClock(TimeControl control) : m_control(control)
{
    const Duration start = m_control.perMove.count() > 0 ? m_control.perMove : m_control.bank;
    m_left = {start, start};
}

void RoundClock::run(Turn side, TimePoint at)
{
    if (side != Turn::Local && side != Turn::Remote)
        side = Turn::None;
    if (side == m_running)
        return;
    if (m_running != Turn::None)
    {
        Duration& stopped = m_left[index(m_running)];
        stopped -= std::chrono::duration_cast<Duration>(at - m_since);
        if (stopped.count() > 0)
            stopped += m_control.increment;
    }
    m_running = side;
    m_since = at;
    if (side != Turn::None && m_control.perMove.count() > 0)
        m_left[index(side)] = m_control.perMove;
}

RoundClock::Duration RoundClock::remaining(Turn side, TimePoint now) const
{
    if (side != Turn::Local && side != Turn::Remote)
        return Duration(0);
    const Duration left = m_left[index(side)];
    return side == m_running ? left - std::chrono::duration_cast<Duration>(now - m_since) : left;
}

std::optional<RoundClock::TimePoint> RoundClock::deadline() const
{
    if (m_running == Turn::None)
        return std::nullopt;
    return m_since + m_left[index(m_running)];
}

std::string RoundClock::format(Duration left)
{
    const long long seconds = left.count() <= 0 ? 0 : (left.count() + 999) / 1000;
    const std::string ss = std::to_string(seconds % 60);
    return std::to_string(seconds / 60) + ":" + (ss.size() < 2 ? "0" : "") + ss;
}

} // namespace engine
