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
    ++m_rounds.number;
    m_rounds.localStarts = localStarts;
    m_rounds.localWantsRematch = m_rounds.partnerWantsRematch = false;
    m_rounds.scored = Outcome::Undecided;
    m_rounds.scoredForfeit = false;
    m_rounds.wasSettling = false;
    m_rounds.settleDeadline.reset();
    m_rounds.actions = 0;
    m_rounds.lastActor = Turn::None;
    m_rounds.ourProposal.reset();
    m_rounds.partnerProposal.reset();
    m_rounds.conceded.reset();
    m_rounds.clock.reset();
    if (!m_timeControl.isNone())
        m_rounds.clock.emplace(m_timeControl);
    const int number = m_rounds.number;
    RoundSetup setup;
    setup.localStarts = localStarts;
    m_rounds.current = m_game->newRound(setup);
    m_phase = Phase::Playing;
    addLog(LogEntry::Kind::Info, "round " + std::to_string(number) + ": you are " + m_rounds.current->localSide() +
                                     (localStarts ? " and start" : ", " + m_pair.partnerName + " starts") +
                                     (m_rounds.clock ? ", clock " + m_timeControl.text() : ""));
    followClock();
}

bool Session::load(std::string_view position, std::string& error)
{
    if (!m_rounds.current)
    {
        error = "no round";
        return false;
    }
    if (!m_rounds.current->load(position, error))
        return false;
    ++m_revision;
    if (m_rounds.current->isOver() && m_phase == Phase::Playing)
        afterAction();
    return true;
}

bool Session::isLocalTurn() const
{
    return roundIsOn() && m_rounds.current && (m_rounds.current->turn() == Turn::Local || m_rounds.current->turn() == Turn::Both);
}

bool Session::act(const Action& action)
{
    if (!roundIsOn() || !m_rounds.current)
    {
        setNotice("no round is being played");
        return false;
    }
    Reply reply = perform(*m_rounds.current, action);
    if (!reply.accepted)
    {
        setNotice(reply.reason.empty() ? "that move is not allowed" : reply.reason);
        return false;
    }
    sendAll(std::move(reply.send));
    m_notice.clear();
    noteAction(Turn::Local);
    afterAction();
    return true;
}

void Session::requestRematch()
{
    if (m_phase != Phase::RoundOver || m_faults.fault == Fault::GaveUp || m_rounds.localWantsRematch)
        return;
    m_rounds.localWantsRematch = true;
    sendMessage("again", nlohmann::json::object(), 0);
    ++m_revision;
    if (m_rounds.partnerWantsRematch)
        startRound(!m_rounds.localStarts);
}

void Session::afterAction()
{
    scoreAction();
    followClock();
    if (m_actionListener)
        m_actionListener();
}

void Session::scoreAction()
{
    if (m_rounds.conceded)
        return; // a resignation or an agreed draw ended it: nothing the rules say changes that
    if (const std::string event = m_rounds.current->lastEventText(); !event.empty())
        addLog(LogEntry::Kind::Move, event);
    const bool settleEnded = m_rounds.wasSettling && !m_rounds.current->isSettling();
    followSettle();
    if (!m_rounds.current->isOver())
        return;
    const Outcome outcome = m_rounds.current->outcome();
    const bool forfeit = m_rounds.current->isForfeit();
    if (m_phase == Phase::Playing)
    {
        m_phase = Phase::RoundOver;
        m_rounds.scored = outcome;
        m_rounds.scoredForfeit = forfeit;
        count(outcome, forfeit, +1);
        addLog(LogEntry::Kind::Result, m_rounds.current->resultText() + " (" + verdictText(outcome) + ")");
        return;
    }
    // A message that settled a finished round may change its result (a caught cheat forfeits).
    if (m_phase != Phase::RoundOver || (outcome == m_rounds.scored && forfeit == m_rounds.scoredForfeit && !settleEnded))
        return;
    count(m_rounds.scored, m_rounds.scoredForfeit, -1);
    count(outcome, forfeit, +1);
    m_rounds.scored = outcome;
    m_rounds.scoredForfeit = forfeit;
    addLog(LogEntry::Kind::Result, m_rounds.current->resultText() + " (" + verdictText(outcome) + ")");
}

void Session::count(Outcome outcome, bool forfeit, int step)
{
    if (outcome != Outcome::Undecided)
        (outcome == Outcome::Won ? m_score.wins : outcome == Outcome::Lost ? m_score.losses : m_score.draws) += step;
    if (forfeit && outcome != Outcome::Draw && outcome != Outcome::Undecided)
        (outcome == Outcome::Won ? m_score.winsByForfeit : m_score.lossesByForfeit) += step;
}

std::string Session::scoreText(const std::string& separator) const
{
    // "(1 by forfeit, 2 by resignation)" after a side's wins, when there are such.
    const auto how = [](int byForfeit, int byResignation)
    {
        std::string text;
        if (byForfeit > 0)
            text = std::to_string(byForfeit) + " by forfeit";
        if (byResignation > 0)
            text += (text.empty() ? "" : ", ") + std::to_string(byResignation) + " by resignation";
        return text.empty() ? text : " (" + text + ")";
    };
    const std::string partner = m_pair.partnerName.empty() ? "Partner" : m_pair.partnerName;
    std::string text = "You " + std::to_string(m_score.wins) + how(m_score.winsByForfeit, m_score.winsByResignation) + separator +
                       partner + " " + std::to_string(m_score.losses) + how(m_score.lossesByForfeit, m_score.lossesByResignation);
    if (m_score.draws > 0)
        text += separator + std::to_string(m_score.draws) + (m_score.draws == 1 ? " draw" : " draws") +
                (m_score.agreedDraws > 0 ? " (" + std::to_string(m_score.agreedDraws) + " agreed)" : "");
    return text;
}

void Session::followSettle()
{
    m_rounds.wasSettling = m_rounds.current && m_rounds.current->isSettling();
    if (!m_rounds.wasSettling)
        m_rounds.settleDeadline.reset();
    else if (!m_rounds.settleDeadline)
        m_rounds.settleDeadline = m_clock() + m_rounds.current->settleTimeout();
}

void Session::settleIfOverdue()
{
    // While a fault holds the pair the partner cannot settle anything: the wait starts again on the
    // resume (see partnerBack()).
    if (!m_rounds.settleDeadline || m_faults.fault != Fault::None || m_clock() < *m_rounds.settleDeadline)
        return;
    m_rounds.settleDeadline.reset();
    if (!m_rounds.current || !m_rounds.current->isSettling())
        return;
    m_rounds.current->settleTimedOut();
    addLog(LogEntry::Kind::Notice, "the partner did not settle round " + std::to_string(m_rounds.number) + " in time");
    afterAction();
}

} // namespace engine
