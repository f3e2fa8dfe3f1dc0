#include <mqttgames/engine/Session.hpp>

#include <algorithm>

#include <mqttgames/engine/Envelope.hpp>
#include <mqttgames/engine/Loop.hpp>
#include <mqttgames/mqtt/SafeText.hpp>

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
    switch (m_faults.fault)
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
    m_faults.fault = Fault::None;
    ++m_revision;
}

void Session::waitingForPartner()
{
    m_phase = Phase::WaitingForPartner;
    m_faults.fault = Fault::None;
    addLog(LogEntry::Kind::Info, "waiting for a partner");
}

void Session::partnerArrived(bool localIsFirst, std::string partnerName)
{
    m_pair.partnerName = partnerName.empty() ? "partner" : std::move(partnerName);
    m_rounds.firstStarts = localIsFirst;
    m_rounds.number = 0;
    m_score.wins = m_score.losses = m_score.draws = 0;
    m_notice.clear();
    m_faults.fault = Fault::None;
    m_faults.gaveUp = m_pair.partnerSaidBye = m_pair.resumed = m_pair.legacyPeer = false;
    m_pair.link.reset();
    m_pair.token = std::to_string(m_random());
    m_pair.partnerToken.clear();
    addLog(LogEntry::Kind::Info, "playing " + m_pair.partnerName);
    sendMessage("hello", {{"name", m_localName}, {"pairing", m_pair.token}}, 0);
    startRound(localIsFirst);
}

void Session::partnerLeft()
{
    if (m_phase == Phase::Connecting)
        return failed("the connection failed");
    m_phase = Phase::PartnerLeft;
    m_faults.fault = Fault::None;
    m_faults.gaveUp = false;
    m_rounds.localWantsRematch = m_rounds.partnerWantsRematch = false;
    m_rounds.settleDeadline.reset(); // nobody is left to settle the round
    m_pair.link.reset();           // nobody will acknowledge what is still kept
    addLog(LogEntry::Kind::Info, m_pair.partnerName.empty() ? "the partner left" : m_pair.partnerName + " left");
}

void Session::failed(std::string reason)
{
    if (m_phase == Phase::Failed)
        return;
    m_phase = Phase::Failed;
    m_faults.fault = Fault::None;
    m_failure = reason.empty() ? "the broker did not answer" : std::move(reason);
    addLog(LogEntry::Kind::Info, "connection failed: " + m_failure);
}

void Session::startOffline(bool localStarts, std::string partnerName)
{
    m_pair.partnerName = std::move(partnerName);
    m_rounds.firstStarts = localStarts;
    m_rounds.number = 0;
    startRound(localStarts);
}

void Session::update()
{
    if (m_faults.fault == Fault::PartnerAway && m_clock() >= m_faults.awayDeadline)
        giveUp();
    settleIfOverdue();
    resendDue();
    checkClock();
}

std::optional<Session::TimePoint> Session::nextWake() const
{
    if (m_faults.fault == Fault::PartnerAway)
        return earliest(m_faults.awayDeadline, clockWake());
    if (m_faults.fault != Fault::None)
        return clockWake();
    const bool resends = m_send && !m_pair.legacyPeer && isPaired();
    return earliest(earliest(m_rounds.settleDeadline, resends ? m_pair.link.nextDue() : std::nullopt), clockWake());
}

bool Session::isPaired() const
{
    return m_phase == Phase::Playing || m_phase == Phase::RoundOver;
}

bool Session::roundIsOn() const
{
    // An away partner does not stop our moves: they wait in the link and go out on the resume.
    return m_phase == Phase::Playing && m_faults.fault != Fault::GaveUp;
}

void Session::eventsDropped(std::size_t count)
{
    setNotice(std::to_string(count) + " network event" + (count == 1 ? "" : "s") +
              " dropped: they came faster than this program could take them");
}

void Session::inform(std::string text)
{
    addLog(LogEntry::Kind::Info, std::move(text));
}

void Session::warn(std::string text)
{
    setNotice(std::move(text));
}

void Session::setNotice(std::string notice)
{
    m_notice = mqtt::text::shortened(mqtt::text::printable(notice), MaxNoticeLength);
    addLog(LogEntry::Kind::Notice, m_notice);
}

void Session::addLog(LogEntry::Kind kind, std::string text)
{
    // Lines may quote the partner (names, refused messages): printable and cut short, as notices.
    LogEntry entry{kind, mqtt::text::shortened(mqtt::text::printable(text), MaxNoticeLength), {}, {}};
    if ((kind == LogEntry::Kind::Move || kind == LogEntry::Kind::Result) && m_rounds.current)
    {
        entry.board = mqtt::text::printable(m_rounds.current->boardText(), true);
        entry.position = m_rounds.current->publicPosition().value_or("");
    }
    m_log.push_back(std::move(entry));
    if (m_log.size() > MaxLogEntries)
    {
        m_log.pop_front();
        ++m_logDropped;
    }
    ++m_revision;
}

} // namespace engine
