#include <mqttgames/engine/Session.hpp>

#include <algorithm>

#include <mqttgames/engine/Envelope.hpp>

// The session's state and pairing. Its other jobs live beside it: the round's lifecycle in
// SessionRound.cpp, numbered delivery in SessionDelivery.cpp, faults in SessionFaults.cpp.

namespace engine
{

const char* toString(Phase phase)
{
    switch (phase)
    {
        case Phase::Offline: return "offline";
        case Phase::Connecting: return "connecting";
        case Phase::WaitingForPartner: return "waiting for a partner";
        case Phase::Playing: return "playing";
        case Phase::RoundOver: return "round over";
        case Phase::PartnerAway: return "partner away";
        case Phase::Reconnecting: return "reconnecting";
        case Phase::PartnerLeft: return "partner left";
        case Phase::Failed: return "connection failed";
    }
    return "?";
}

Session::Session(const Game& game, std::string localName, Send send)
    : m_game(&game), m_localName(std::move(localName)), m_send(std::move(send))
{
}

Session::~Session() = default;

Phase Session::phase() const
{
    switch (m_fault)
    {
        case Fault::None: break;
        case Fault::PartnerAway: return Phase::PartnerAway;
        case Fault::Reconnecting: return Phase::Reconnecting;
        case Fault::GaveUp: return Phase::PartnerLeft;
    }
    return m_phase;
}

void Session::connecting()
{
    m_phase = Phase::Connecting;
    m_fault = Fault::None;
    ++m_revision;
}

void Session::waitingForPartner()
{
    m_phase = Phase::WaitingForPartner;
    m_fault = Fault::None;
    addLog(LogEntry::Kind::Info, "waiting for a partner");
}

void Session::partnerArrived(bool localIsFirst, std::string partnerName)
{
    m_partnerName = partnerName.empty() ? "partner" : std::move(partnerName);
    m_firstStarts = localIsFirst;
    m_roundNumber = 0;
    m_wins = m_losses = m_draws = 0;
    m_notice.clear();
    m_fault = Fault::None;
    m_gaveUp = m_partnerSaidBye = m_resumed = m_legacyPeer = false;
    m_link.reset();
    m_pairing = std::to_string(m_random());
    m_partnerPairing.clear();
    addLog(LogEntry::Kind::Info, "playing " + m_partnerName);
    sendMessage("hello", {{"name", m_localName}, {"pairing", m_pairing}}, 0);
    startRound(localIsFirst);
}

void Session::partnerLeft()
{
    if (m_phase == Phase::Connecting)
        return failed("the connection failed");
    m_phase = Phase::PartnerLeft;
    m_fault = Fault::None;
    m_gaveUp = false;
    m_localWantsRematch = m_partnerWantsRematch = false;
    m_settleDeadline.reset(); // nobody is left to settle the round
    m_link.reset();           // nobody will acknowledge what is still kept
    addLog(LogEntry::Kind::Info, m_partnerName.empty() ? "the partner left" : m_partnerName + " left");
}

void Session::failed(std::string reason)
{
    if (m_phase == Phase::Failed)
        return;
    m_phase = Phase::Failed;
    m_fault = Fault::None;
    m_failure = reason.empty() ? "the broker did not answer" : std::move(reason);
    addLog(LogEntry::Kind::Info, "connection failed: " + m_failure);
}

void Session::startOffline(bool localStarts, std::string partnerName)
{
    m_partnerName = std::move(partnerName);
    m_firstStarts = localStarts;
    m_roundNumber = 0;
    startRound(localStarts);
}

void Session::update()
{
    if (m_fault == Fault::PartnerAway && m_clock() >= m_awayDeadline)
        giveUp();
    settleIfOverdue();
    resendDue();
}

std::optional<Session::TimePoint> Session::nextWake() const
{
    if (m_fault == Fault::PartnerAway)
        return m_awayDeadline;
    if (m_fault != Fault::None)
        return std::nullopt;
    std::optional<TimePoint> wake = m_settleDeadline;
    if (m_send && !m_legacyPeer && isPaired())
        if (const auto due = m_link.nextDue())
            wake = wake ? std::min(*wake, *due) : *due;
    return wake;
}

bool Session::isPaired() const
{
    return m_phase == Phase::Playing || m_phase == Phase::RoundOver;
}

bool Session::roundIsOn() const
{
    // An away partner does not stop our moves: they wait in the link and go out on the resume.
    return m_phase == Phase::Playing && m_fault != Fault::GaveUp;
}

void Session::eventsDropped(std::size_t count)
{
    setNotice(std::to_string(count) + " network event" + (count == 1 ? "" : "s") +
              " dropped: they came faster than this program could take them");
}

void Session::setNotice(std::string notice)
{
    m_notice = std::move(notice);
    addLog(LogEntry::Kind::Notice, m_notice);
}

void Session::addLog(LogEntry::Kind kind, std::string text)
{
    LogEntry entry{kind, std::move(text), {}};
    if ((kind == LogEntry::Kind::Move || kind == LogEntry::Kind::Result) && m_round)
        entry.board = m_round->boardText();
    m_log.push_back(std::move(entry));
    ++m_revision;
}

} // namespace engine
