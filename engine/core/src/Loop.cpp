#include <mqttgames/engine/Loop.hpp>

#include <algorithm>

#include <mqttgames/engine/Match.hpp>

namespace engine
{

Loop::Loop(mqtt::EventQueue queue) : m_queue(std::move(queue)) {}

void Loop::add(Match& seat)
{
    m_seats.push_back(&seat);
}

std::optional<Loop::TimePoint> Loop::nextWake() const
{
    std::optional<TimePoint> earliest;
    for (const Match* seat : m_seats)
        if (const auto wake = seat->nextWake())
            earliest = earliest ? std::min(*earliest, *wake) : *wake;
    return earliest;
}

std::size_t Loop::step(std::chrono::milliseconds idle, std::optional<TimePoint> wake)
{
    auto deadline = std::chrono::steady_clock::now() + idle;
    if (const auto seats = nextWake())
        deadline = std::min(deadline, *seats);
    if (wake)
        deadline = std::min(deadline, *wake);
    const auto wait = std::chrono::ceil<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    std::size_t ran = 0;
    mqtt::EventQueue::Call call;
    if (m_queue.waitPop(call, std::max(wait, std::chrono::milliseconds(0))))
    {
        call();
        ++ran;
    }
    ran += m_queue.drain();
    for (Match* seat : m_seats)
        seat->update();
    return ran;
}

} // namespace engine
