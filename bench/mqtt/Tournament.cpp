#include "Tournament.hpp"

#include "Payload.hpp"

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace bench
{

Tournament::Tournament(const RunPlan& plan) : m_plan(plan), m_matches(static_cast<std::size_t>(plan.matches)) {}

void Tournament::connect(Clock::time_point deadline)
{
    for (int k = 0; k < m_plan.matches; ++k)
    {
        if (Clock::now() > deadline)
            throw std::runtime_error("connecting took longer than --max-seconds");
        const std::string topic =
            "bench/scale/" + std::to_string(m_plan.runId) + "/" + std::to_string(m_plan.firstMatch + k);
        const PairPlan pairPlan{"127.0.0.1", m_plan.brokerPort, topic, 0};
        m_matches[static_cast<std::size_t>(k)].endpoints =
            connectPair(m_plan.flavour, pairPlan, deliveryFor(k, Side::A), deliveryFor(k, Side::B));
    }
}

void Tournament::play(Clock::time_point deadline)
{
    const auto think = std::chrono::milliseconds(m_plan.thinkMs);
    m_start = Clock::now();
    // Staggered over one think time, so that the matches do not all move in the same instant.
    for (int k = 0; k < m_plan.matches; ++k)
        m_timers.push({m_start + think * k / m_plan.matches, k, Side::A});
    const std::size_t total = static_cast<std::size_t>(m_plan.matches) * static_cast<std::size_t>(2 * m_plan.moves);
    mqtt::EventQueue::Call call;
    while (m_latenciesMs.size() < total && Clock::now() < deadline)
    {
        while (!m_timers.empty() && m_timers.top().due <= Clock::now())
        {
            const Timer timer = m_timers.top();
            m_timers.pop();
            sendMove(timer.match, timer.side);
        }
        auto wait = std::chrono::milliseconds(50);
        if (!m_timers.empty())
            wait = std::clamp(std::chrono::ceil<std::chrono::milliseconds>(m_timers.top().due - Clock::now()),
                              std::chrono::milliseconds(0), wait);
        if (m_queue.waitPop(call, wait))
        {
            call();
            while (m_queue.tryPop(call))
                call();
        }
    }
    m_expected = total;
}

Delivery Tournament::deliveryFor(int match, Side side)
{
    return m_queue.post(Delivery([this, match, side](const std::string& move) { receiveMove(match, side, move); }));
}

void Tournament::sendMove(int k, Side side)
{
    Match& match = m_matches[static_cast<std::size_t>(k)];
    const int index = static_cast<int>(side);
    const auto number = static_cast<std::uint64_t>(k) * 1000 + static_cast<std::uint64_t>(match.sent[0] + match.sent[1]);
    match.sentAt = Clock::now();
    ++match.sent[index];
    auto& endpoint = side == Side::A ? match.endpoints.a : match.endpoints.b;
    endpoint->send(makePayload(number, m_plan.moveBytes));
}

void Tournament::receiveMove(int k, Side receiver, const std::string&)
{
    Match& match = m_matches[static_cast<std::size_t>(k)];
    m_lastMove = Clock::now();
    m_latenciesMs.push_back(std::chrono::duration<double, std::milli>(m_lastMove - match.sentAt).count());
    if (match.sent[static_cast<int>(receiver)] < m_plan.moves)
        m_timers.push({m_lastMove + std::chrono::milliseconds(m_plan.thinkMs), k, receiver});
}

} // namespace bench
