#include <mqttgames/engine/Loop.hpp>

#include <algorithm>

#include <mqttgames/engine/Match.hpp>

namespace engine
{

std::optional<std::chrono::steady_clock::time_point> earliest(std::optional<std::chrono::steady_clock::time_point> a,
                                                              std::optional<std::chrono::steady_clock::time_point> b)
{
    if (!a || !b)
        return a ? a : b;
    return std::min(*a, *b);
}

Loop::Loop(mqtt::EventQueue queue) : m_queue(std::move(queue)) {}

void Loop::add(Match& seat)
{
    m_seats.push_back(&seat);
}

std::optional<Loop::TimePoint> Loop::nextWake() const
{
    std::optional<TimePoint> wake;
    for (const Match* seat : m_seats)
        wake = earliest(wake, seat->nextWake());
    return wake;
}

std::size_t Loop::step(std::chrono::milliseconds idle, std::optional<TimePoint> wake)
{
    const auto deadline = *earliest(std::chrono::steady_clock::now() + idle, earliest(nextWake(), wake));
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    std::size_t ran = 0;
    mqtt::EventQueue::Call call;
    if (m_queue.waitPop(call, std::max(wait, std::chrono::milliseconds(0))))
    {
        m_queue.run(call);
        ++ran;
    }
    ran += m_queue.drain();
    for (Match* seat : m_seats)
        seat->update();
    return ran;
}

} // namespace engine
