#include <mqttgames/engine/Session.hpp>

#include <mqttgames/engine/Envelope.hpp>

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

void Session::connecting()
{
    m_phase = Phase::Connecting;
    ++m_revision;
}

void Session::waitingForPartner()
{
    m_phase = Phase::WaitingForPartner;
    addLog(LogEntry::Kind::Info, "waiting for a partner");
}

void Session::partnerArrived(bool localIsFirst, std::string partnerName)
{
    m_partnerName = partnerName.empty() ? "partner" : std::move(partnerName);
    m_firstStarts = localIsFirst;
    m_roundNumber = 0;
    m_wins = m_losses = m_draws = 0;
    m_notice.clear();
    addLog(LogEntry::Kind::Info, "playing " + m_partnerName);
    sendMessage("hello", {{"name", m_localName}}, 0);
    startRound(localIsFirst);
}

void Session::partnerLeft()
{
    if (m_phase == Phase::Connecting)
        return failed("the connection failed");
    m_phase = Phase::PartnerLeft;
    m_localWantsRematch = m_partnerWantsRematch = false;
    addLog(LogEntry::Kind::Info, m_partnerName.empty() ? "the partner left" : m_partnerName + " left");
}

void Session::failed(std::string reason)
{
    if (m_phase == Phase::Failed)
        return;
    m_phase = Phase::Failed;
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

    if (envelope->type == "hello")
    {
        if (const auto name = envelope->body.find("name"); name != envelope->body.end() && name->is_string() && !name->get_ref<const std::string&>().empty())
            m_partnerName = name->get<std::string>();
        ++m_revision;
        return;
    }
    if (envelope->type == "again")
    {
        m_partnerWantsRematch = true;
        ++m_revision;
        if (m_phase == Phase::RoundOver && m_localWantsRematch)
            startRound(m_localStarts ? false : true);
        return;
    }
    if (!m_round || m_phase != Phase::Playing)
        return setNotice("ignored the partner's " + envelope->type + " outside a round");
    if (envelope->round != m_roundNumber)
        return setNotice("ignored the partner's " + envelope->type + " of round " + std::to_string(envelope->round));
    if (!m_round->receive(envelope->type, envelope->body, error))
        return setNotice("refused the partner's " + envelope->type + ": " + error);
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
    return m_phase == Phase::Playing && m_round &&
           (m_round->turn() == Turn::Local || m_round->turn() == Turn::Both);
}

bool Session::act(std::string_view action)
{
    if (m_phase != Phase::Playing || !m_round)
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
    if (m_phase != Phase::RoundOver || m_localWantsRematch)
        return;
    m_localWantsRematch = true;
    sendMessage("again", nlohmann::json::object(), 0);
    ++m_revision;
    if (m_partnerWantsRematch)
        startRound(!m_localStarts);
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
    if (!m_send(encode(envelope)))
        setNotice("could not send the " + type + " to the partner");
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
