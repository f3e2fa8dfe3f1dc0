#include <mqttgames/engine/Session.hpp>

// The lifecycle of a round within a session: its start, local actions, its result and the score,
// and the settle phase in which a round still waits for the partner (Round::isSettling()).

namespace engine
{

namespace
{
const char* verdictText(Outcome outcome)
{
    return outcome == Outcome::Won ? "you won" : outcome == Outcome::Lost ? "you lost" : "draw";
}
} // namespace

void Session::startRound(bool localStarts)
{
    ++m_roundNumber;
    m_localStarts = localStarts;
    m_localWantsRematch = m_partnerWantsRematch = false;
    m_scored = Outcome::Undecided;
    m_wasSettling = false;
    m_settleDeadline.reset();
    const int number = m_roundNumber;
    RoundSetup setup;
    setup.localStarts = localStarts;
    m_round = m_game->newRound(setup);
    m_phase = Phase::Playing;
    addLog(LogEntry::Kind::Info, "round " + std::to_string(number) + ": you are " + m_round->localSide() +
                                     (localStarts ? " and start" : ", " + m_partnerName + " starts"));
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
    Reply reply = m_round->act(action);
    if (!reply.accepted)
    {
        setNotice(reply.reason.empty() ? "that move is not allowed" : reply.reason);
        return false;
    }
    sendAll(std::move(reply.send));
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

void Session::afterAction()
{
    if (const std::string event = m_round->lastEventText(); !event.empty())
        addLog(LogEntry::Kind::Move, event);
    const bool settleEnded = m_wasSettling && !m_round->isSettling();
    followSettle();
    if (!m_round->isOver())
        return;
    const Outcome outcome = m_round->outcome();
    if (m_phase == Phase::Playing)
    {
        m_phase = Phase::RoundOver;
        m_scored = outcome;
        count(outcome, +1);
        addLog(LogEntry::Kind::Result, m_round->resultText() + " (" + verdictText(outcome) + ")");
        return;
    }
    // A message that settled a finished round may change its result (a caught cheat forfeits).
    if (m_phase != Phase::RoundOver || (outcome == m_scored && !settleEnded))
        return;
    count(m_scored, -1);
    count(outcome, +1);
    m_scored = outcome;
    addLog(LogEntry::Kind::Result, m_round->resultText() + " (" + verdictText(outcome) + ")");
}

void Session::count(Outcome outcome, int step)
{
    if (outcome != Outcome::Undecided)
        (outcome == Outcome::Won ? m_wins : outcome == Outcome::Lost ? m_losses : m_draws) += step;
}

void Session::followSettle()
{
    m_wasSettling = m_round && m_round->isSettling();
    if (!m_wasSettling)
        m_settleDeadline.reset();
    else if (!m_settleDeadline)
        m_settleDeadline = m_clock() + m_round->settleTimeout();
}

void Session::settleIfOverdue()
{
    // While a fault holds the pair the partner cannot settle anything: the wait starts again on the
    // resume (see partnerBack()).
    if (!m_settleDeadline || m_fault != Fault::None || m_clock() < *m_settleDeadline)
        return;
    m_settleDeadline.reset();
    if (!m_round || !m_round->isSettling())
        return;
    m_round->settleTimedOut();
    addLog(LogEntry::Kind::Notice, "the partner did not settle round " + std::to_string(m_roundNumber) + " in time");
    afterAction();
}

} // namespace engine
