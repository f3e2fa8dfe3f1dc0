#include <mqttgames/engine/Session.hpp>

#include <mqttgames/engine/Envelope.hpp>

#include "Farewell.hpp"

namespace engine
{

namespace
{
std::string secondsText(std::chrono::milliseconds duration)
{
    return std::to_string((duration.count() + 999) / 1000) + " s";
}
} // namespace

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
    m_link.reset(); // nobody will acknowledge what is still kept
    addLog(LogEntry::Kind::Info, m_partnerName.empty() ? "the partner left" : m_partnerName + " left");
}

void Session::partnerDisconnected()
{
    // A partner we never heard from (not even its hello) has no round with us worth waiting for:
    // most likely it left before its client saw us, when it could not say bye yet.
    if (m_partnerSaidBye || !isPaired() || m_link.delivered() == 0)
    {
        if (m_phase != Phase::PartnerLeft)
            partnerLeft();
        return;
    }
    if (m_fault == Fault::PartnerAway || m_fault == Fault::GaveUp)
        return;
    m_fault = Fault::PartnerAway;
    m_awayDeadline = m_clock() + m_gracePeriod;
    addLog(LogEntry::Kind::Info, m_partnerName + " lost the connection \xE2\x80\x94 waiting up to " + secondsText(m_gracePeriod));
}

void Session::connectionLost()
{
    if (!isPaired() || m_fault == Fault::Reconnecting)
        return;
    m_fault = Fault::Reconnecting;
    addLog(LogEntry::Kind::Info, "connection lost \xE2\x80\x94 reconnecting\xE2\x80\xA6");
}

void Session::partnerBack()
{
    if (!canResume())
        return;
    const Fault was = m_fault;
    m_fault = Fault::None;
    m_gaveUp = false;
    m_resumed = true;
    addLog(LogEntry::Kind::Info, was == Fault::Reconnecting ? "connected again: the game goes on" : m_partnerName + " is back: the game goes on");
    if (!m_send || m_legacyPeer)
        return;
    for (const std::string& text : m_link.resendAll(m_clock()))
        m_send(text);
    sendAck(); // lets the partner drop at once what reached us before the fault
}

bool Session::canResume() const
{
    return isPaired() && m_fault != Fault::None;
}

std::string Session::farewell() const
{
    // Whether anybody is there to hear it is the connection's to know: our session may not have
    // heard yet of a partner the client already has.
    if (m_partnerSaidBye)
        return {};
    return byeText(m_game->info());
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

void Session::receive(const std::string& text)
{
    std::string error;
    const auto envelope = decode(text, error);
    if (!envelope)
        return setNotice("ignored a malformed message (" + error + ")");
    const GameInfo& info = m_game->info();
    if (const std::string why = mismatch(*envelope, info.id, info.protocolVersion); !why.empty())
        return setNotice(why);

    if (envelope->type == "ack")
    {
        // An ack names the pairing it acknowledges: one from before a new pairing must not drop
        // what the partner has not seen of this one.
        const auto pairing = envelope->body.find("pairing");
        if (pairing != envelope->body.end() && (!pairing->is_string() || pairing->get_ref<const std::string&>() != m_pairing))
            return;
        return m_link.acknowledge(envelope->ack);
    }
    if (envelope->type == "bye")
    {
        if (!isPaired())
            return;
        m_partnerSaidBye = true;
        return partnerLeft();
    }
    if (envelope->seq == 0)
    {
        // An older peer numbers nothing and acknowledges nothing: play unnumbered with it.
        if (!m_legacyPeer)
            m_link.reset();
        m_legacyPeer = true;
        return apply(*envelope);
    }

    if (envelope->type == "hello" && m_resumed && !m_partnerPairing.empty())
    {
        // We resumed, but the partner started a new pairing (it had given us up and paired anew):
        // follow it, or the two sides would number and play different games.
        const auto pairing = envelope->body.find("pairing");
        if (pairing != envelope->body.end() && pairing->is_string() && pairing->get_ref<const std::string&>() != m_partnerPairing)
            partnerArrived(m_firstStarts, m_partnerName);
    }
    switch (m_link.receive(envelope->seq))
    {
        case ReliableLink::Verdict::Gap: return; // the partner sends again from the missing one
        case ReliableLink::Verdict::Duplicate: return sendAck();
        case ReliableLink::Verdict::Deliver: break;
    }
    apply(*envelope);
    sendAck(); // after: a hello's pairing is then known, and named in the ack
}

void Session::apply(const Envelope& envelope)
{
    if (envelope.type == "hello")
    {
        if (const auto name = envelope.body.find("name"); name != envelope.body.end() && name->is_string() && !name->get_ref<const std::string&>().empty())
            m_partnerName = name->get<std::string>();
        if (const auto pairing = envelope.body.find("pairing"); pairing != envelope.body.end() && pairing->is_string())
            m_partnerPairing = pairing->get<std::string>();
        ++m_revision;
        return;
    }
    if (envelope.type == "again")
    {
        m_partnerWantsRematch = true;
        ++m_revision;
        if (m_phase == Phase::RoundOver && m_localWantsRematch)
            startRound(m_localStarts ? false : true);
        return;
    }
    if (!m_round || m_phase != Phase::Playing)
        return setNotice("ignored the partner's " + envelope.type + " outside a round");
    if (envelope.round != m_roundNumber)
        return setNotice("ignored the partner's " + envelope.type + " of round " + std::to_string(envelope.round));
    std::string error;
    if (!m_round->receive(envelope.type, envelope.body, error))
        return setNotice("refused the partner's " + envelope.type + ": " + error);
    m_notice.clear();
    afterAction();
}

void Session::startOffline(bool localStarts, std::string partnerName)
{
    m_partnerName = std::move(partnerName);
    m_firstStarts = localStarts;
    m_roundNumber = 0;
    startRound(localStarts);
}

bool Session::load(std::string_view position, std::string& error)
{
    if (!m_round)
    {
        error = "no round";
        return false;
    }
    if (!m_round->load(position, error))
        return false;
    ++m_revision;
    if (m_round->isOver() && m_phase == Phase::Playing)
        afterAction();
    return true;
}

bool Session::isLocalTurn() const
{
    return roundIsOn() && m_round && (m_round->turn() == Turn::Local || m_round->turn() == Turn::Both);
}

bool Session::act(std::string_view action)
{
    if (!roundIsOn() || !m_round)
    {
        setNotice("no round is being played");
        return false;
    }
    if (!isLocalTurn())
    {
        setNotice("it is not your turn");
        return false;
    }
    std::string error;
    if (!m_round->act(action, error))
    {
        setNotice(error.empty() ? "that move is not allowed" : error);
        return false;
    }
    m_notice.clear();
    afterAction();
    return true;
}

void Session::requestRematch()
{
    if (m_phase != Phase::RoundOver || m_fault == Fault::GaveUp || m_localWantsRematch)
        return;
    m_localWantsRematch = true;
    sendMessage("again", nlohmann::json::object(), 0);
    ++m_revision;
    if (m_partnerWantsRematch)
        startRound(!m_localStarts);
}

void Session::update()
{
    if (m_fault == Fault::PartnerAway && m_clock() >= m_awayDeadline)
        giveUp();
    // Not while a fault holds the link: the resume sends everything anyway.
    if (m_fault != Fault::None || !m_send || m_legacyPeer || !isPaired())
        return;
    for (const std::string& text : m_link.due(m_clock()))
        m_send(text);
}

std::optional<Session::TimePoint> Session::nextWake() const
{
    if (m_fault == Fault::PartnerAway)
        return m_awayDeadline;
    if (m_fault != Fault::None || !m_send || m_legacyPeer || !isPaired())
        return std::nullopt;
    return m_link.nextDue();
}

std::chrono::milliseconds Session::graceLeft() const
{
    if (m_fault != Fault::PartnerAway)
        return std::chrono::milliseconds(0);
    return std::max(std::chrono::milliseconds(0),
                    std::chrono::duration_cast<std::chrono::milliseconds>(m_awayDeadline - m_clock()));
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

void Session::giveUp()
{
    m_fault = Fault::GaveUp;
    m_gaveUp = true;
    addLog(LogEntry::Kind::Info, "gave up waiting for " + m_partnerName + " after " + secondsText(m_gracePeriod));
}

void Session::sendAck()
{
    if (!m_send || m_legacyPeer)
        return;
    const GameInfo& info = m_game->info();
    Envelope envelope{info.id, info.protocolVersion, "ack", 0, nlohmann::json::object()};
    if (!m_partnerPairing.empty())
        envelope.body["pairing"] = m_partnerPairing;
    envelope.ack = m_link.delivered();
    m_send(encode(envelope)); // a lost ack is made good by the next one
}

void Session::startRound(bool localStarts)
{
    ++m_roundNumber;
    m_localStarts = localStarts;
    m_localWantsRematch = m_partnerWantsRematch = false;
    const int number = m_roundNumber;
    RoundSetup setup;
    setup.localStarts = localStarts;
    setup.outbox = [this, number](const std::string& type, nlohmann::json body) { sendMessage(type, std::move(body), number); };
    m_round = m_game->newRound(setup);
    m_phase = Phase::Playing;
    addLog(LogEntry::Kind::Info, "round " + std::to_string(number) + ": you are " + m_round->localSide() +
                                     (localStarts ? " and start" : ", " + m_partnerName + " starts"));
}

void Session::sendMessage(const std::string& type, nlohmann::json body, int round)
{
    if (!m_send)
        return;
    const GameInfo& info = m_game->info();
    Envelope envelope{info.id, info.protocolVersion, type, round, std::move(body)};
    if (m_legacyPeer)
    {
        if (!m_send(encode(envelope)))
            setNotice("could not send the " + type + " to the partner");
        return;
    }
    envelope.seq = m_link.nextSequence();
    const std::string text = encode(envelope);
    m_link.push(text, m_clock());
    // A failed send is kept all the same: it goes out again on the resume or the resend timer.
    if (m_fault == Fault::None)
        m_send(text);
}

void Session::afterAction()
{
    if (const std::string event = m_round->lastEventText(); !event.empty())
        addLog(LogEntry::Kind::Move, event);
    if (!m_round->isOver())
        return;
    m_phase = Phase::RoundOver;
    const Outcome outcome = m_round->outcome();
    (outcome == Outcome::Won ? m_wins : outcome == Outcome::Lost ? m_losses : m_draws) += 1;
    const char* verdict = outcome == Outcome::Won ? "you won" : outcome == Outcome::Lost ? "you lost" : "draw";
    addLog(LogEntry::Kind::Result, m_round->resultText() + " (" + verdict + ")");
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
