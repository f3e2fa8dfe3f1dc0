#pragma once

#include <atomic>
#include <memory>

#include <mqttgames/mqtt/EventQueue.hpp>

namespace engine
{

/// Wakes the loop that drains `queue` (to redraw what the network changed), with at most one call
/// waiting there at a time: a stranger sending a million messages cannot push the game's events out.
class Wakeup
{
public:
    explicit Wakeup(mqtt::EventQueue queue) : m_queue(std::move(queue)) {}

    /// Any thread.
    void operator()() const
    {
        if (!m_queued->exchange(true))
            m_queue.push([queued = m_queued] { queued->store(false); });
    }

private:
    mqtt::EventQueue m_queue;
    std::shared_ptr<std::atomic<bool>> m_queued = std::make_shared<std::atomic<bool>>(false);
};

} // namespace engine
