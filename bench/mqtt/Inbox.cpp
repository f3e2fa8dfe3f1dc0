#include "Inbox.hpp"

namespace bench
{

Delivery QueueInbox::delivery()
{
    return m_queue.post(Delivery([this](const std::string& payload) { m_received = payload; }));
}

std::optional<std::string> QueueInbox::pop(std::chrono::milliseconds timeout)
{
    mqtt::EventQueue::Call call;
    if (!m_queue.waitPop(call, timeout))
        return std::nullopt;
    call();
    return std::exchange(m_received, std::nullopt);
}

Delivery SignalInbox::delivery()
{
    return [this](const std::string& payload)
    {
        {
            std::lock_guard lock(m_mutex);
            m_payloads.push_back(payload);
        }
        m_ready.notify_one();
    };
}

std::optional<std::string> SignalInbox::pop(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    if (!m_ready.wait_for(lock, timeout, [this] { return !m_payloads.empty(); }))
        return std::nullopt;
    std::string payload = std::move(m_payloads.front());
    m_payloads.pop_front();
    return payload;
}

std::unique_ptr<Inbox> makeInbox(Flavour flavour)
{
    if (flavour == Flavour::Raw)
        return std::make_unique<SignalInbox>();
    return std::make_unique<QueueInbox>();
}

} // namespace bench
