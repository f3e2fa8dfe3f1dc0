#pragma once

#include <chrono>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace engine
{

/// Numbers, keeps and acknowledges the messages of one pairing, so that none is lost or applied twice
/// across a dropped connection. Each outgoing message gets the next sequence number (1 first) and is
/// kept until the partner acknowledges it cumulatively; kept messages are sent again, all of them and
/// in order, after a resume and whenever the oldest went unanswered for a resend interval. Incoming
/// numbers are delivered in order only: a number seen before is a duplicate, one past a missing
/// number is a gap (dropped: the sender sends again in order).
/// Pure bookkeeping: no I/O and no clock of its own, time is passed in. Not thread-safe.
class ReliableLink
{
public:
    using TimePoint = std::chrono::steady_clock::time_point;

    /// What to do with an incoming numbered message.
    enum class Verdict
    {
        Deliver,   ///< the next one in order: apply it, then acknowledge delivered()
        Duplicate, ///< delivered before: drop it, and acknowledge again (our last ack may be lost)
        Gap,       ///< one before it is missing: drop it; the sender sends again from the missing one
    };

    static constexpr std::chrono::milliseconds DefaultResendInterval{2000};

    explicit ReliableLink(std::chrono::milliseconds resendInterval = DefaultResendInterval);

    /// Starts over for a new partner: numbering from 1, nothing kept, nothing delivered.
    void reset();

    /// The number the next pushed message gets.
    std::int64_t nextSequence() const { return m_nextSequence; }
    /// Keeps `text` (which carries nextSequence()) until acknowledged; `now` is when it is first sent.
    /// Returns its number.
    std::int64_t push(std::string text, TimePoint now);
    /// The partner has everything up to `sequence`: those are no longer kept. Numbers never sent are
    /// ignored, so a stale or forged ack cannot drop what the partner has not seen.
    void acknowledge(std::int64_t sequence);
    /// Every kept message, oldest first, to send again now (the link is back).
    std::vector<std::string> resendAll(TimePoint now);
    /// The kept messages to send again at `now`: all of them, in order, once the oldest has waited a
    /// resend interval since it was last sent; otherwise none.
    std::vector<std::string> due(TimePoint now);
    /// When due() next returns something; nothing while no message is kept.
    std::optional<TimePoint> nextDue() const;
    /// Messages sent and not yet acknowledged.
    std::size_t pendingCount() const { return m_pending.size(); }

    /// Sorts an incoming message numbered `sequence` (from 1); Deliver counts it as delivered.
    Verdict receive(std::int64_t sequence);
    /// The highest number delivered in order: what to acknowledge (0: nothing yet).
    std::int64_t delivered() const { return m_delivered; }

private:
    struct Pending
    {
        std::int64_t sequence;
        std::string text;
        TimePoint sentAt;
    };

    std::chrono::milliseconds m_resendInterval;
    std::int64_t m_nextSequence = 1;
    std::int64_t m_delivered = 0;
    std::deque<Pending> m_pending;
};

} // namespace engine
