#include "Publisher.hpp"

#include <chrono>
#include <stdexcept>
#include <utility>

namespace bench
{

Publisher::Publisher(const std::string& host, int port, std::string topic, double perSecond)
    : m_topic(std::move(topic)), m_perSecond(perSecond)
{
    if (!m_client.connect(host, port))
        throw std::runtime_error("publisher cannot connect: " + m_client.getLastError());
    m_thread = std::jthread([this](std::stop_token stop) { run(stop); });
}

Publisher::~Publisher()
{
    m_thread.request_stop();
    if (m_thread.joinable())
        m_thread.join();
}

void Publisher::run(std::stop_token stop)
{
    using Clock = std::chrono::steady_clock;
    // Sent in ticks of 1 ms (or one message per tick when slower), each tick catching up on the
    // messages its schedule owes, so a late wake-up does not lower the rate.
    const auto start = Clock::now();
    const auto tick = std::chrono::milliseconds(m_perSecond >= 1000 ? 1 : static_cast<int>(1000 / m_perSecond));
    auto next = start;
    while (!stop.stop_requested())
    {
        const double elapsed = std::chrono::duration<double>(Clock::now() - start).count();
        const auto owed = static_cast<std::uint64_t>(elapsed * m_perSecond) + 1;
        while (m_sent.load() < owed)
        {
            const std::uint64_t number = m_sent.load();
            // About 60 bytes, like a move.
            const std::string payload = R"({"game":"connect4","type":"move","round":1,"seq":)" + std::to_string(number) + "}";
            m_client.publish(m_topic, payload);
            m_sent.store(number + 1);
        }
        next += tick;
        std::this_thread::sleep_until(next);
    }
}

} // namespace bench
