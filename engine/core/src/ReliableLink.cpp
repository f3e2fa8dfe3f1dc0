#include <mqttgames/engine/ReliableLink.hpp>

namespace engine
{

ReliableLink::ReliableLink(std::chrono::milliseconds resendInterval) : m_resendInterval(resendInterval)
{
}

void ReliableLink::reset()
{
    m_nextSequence = 1;
    m_delivered = 0;
    m_pending.clear();
}

std::int64_t ReliableLink::push(std::string text, TimePoint now)
{
    const std::int64_t sequence = m_nextSequence++;
    m_pending.push_back({sequence, std::move(text), now});
    return sequence;
}

void ReliableLink::acknowledge(std::int64_t sequence)
{
    if (sequence >= m_nextSequence)
        return;
    while (!m_pending.empty() && m_pending.front().sequence <= sequence)
        m_pending.pop_front();
}

std::vector<std::string> ReliableLink::resendAll(TimePoint now)
{
    std::vector<std::string> texts;
    texts.reserve(m_pending.size());
    for (Pending& pending : m_pending)
    {
        pending.sentAt = now;
        texts.push_back(pending.text);
    }
    return texts;
}

std::vector<std::string> ReliableLink::due(TimePoint now)
{
    // All of them, not only the overdue ones: the receiver drops whatever follows a gap, so a
    // resend must start at the oldest missing message and go on in order.
    if (m_pending.empty() || now < m_pending.front().sentAt + m_resendInterval)
        return {};
    return resendAll(now);
}

std::optional<ReliableLink::TimePoint> ReliableLink::nextDue() const
{
    if (m_pending.empty())
        return std::nullopt;
    return m_pending.front().sentAt + m_resendInterval;
}

ReliableLink::Verdict ReliableLink::receive(std::int64_t sequence)
{
    if (sequence <= m_delivered)
        return Verdict::Duplicate;
    if (sequence > m_delivered + 1)
        return Verdict::Gap;
    m_delivered = sequence;
    return Verdict::Deliver;
}

} // namespace engine
