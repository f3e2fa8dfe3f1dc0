#include <mqttgames/engine/Session.hpp>

#include <limits>
#include <utility>

#include <mqttgames/engine/Envelope.hpp>

// The courtesies of play, the same in every game: resigning, offering a draw, asking to take a move
// back. Each is one numbered (and signed) message of the round. A proposal is made on the partner's
// turn and names how many actions the round had then: it lapses with the next action of either
// side, so an answer can never cross a move.

namespace engine
{

namespace
{

const char* proposalName(Session::Proposal proposal)
{
    return proposal == Session::Proposal::Draw ? "draw" : "takeback";
}

std::optional<Session::Proposal> proposalIn(const nlohmann::json& body)
{
    const auto found = body.find("proposal");
    if (found == body.end() || !found->is_string())
        return std::nullopt;
    if (*found == "draw")
        return Session::Proposal::Draw;
    if (*found == "takeback")
        return Session::Proposal::Takeback;
    return std::nullopt;
}

std::string proposalWords(Session::Proposal proposal)
{
    return proposal == Session::Proposal::Draw ? "a draw" : "a takeback";
}

// The round's count of actions when the proposal was made.
std::optional<int> actionsIn(const nlohmann::json& body)
{
    const auto found = body.find("at");
    if (found == body.end() || !found->is_number_integer())
        return std::nullopt;
    const auto at = found->get<long long>();
    if (at < 0 || at > std::numeric_limits<int>::max())
        return std::nullopt;
    return static_cast<int>(at);
}

} // namespace

bool Session::resign()
{
    if (!roundIsOn() || !m_rounds.current)
    {
        setNotice("no round is being played");
        return false;
    }
    sendMessage("resign", nlohmann::json::object(), m_rounds.number);
    concede(Outcome::Lost, Concession::Resignation);
    return true;
}

bool Session::propose(Proposal proposal)
{
    std::string why;
    if (!roundIsOn() || !m_rounds.current)
        why = "no round is being played";
    else if (m_rounds.ourProposal)
        why = "you asked for " + proposalWords(m_rounds.ourProposal->proposal) + ": wait for the answer";
    else if (m_rounds.partnerProposal)
        why = "first answer the request for " + proposalWords(m_rounds.partnerProposal->proposal);
    else if (m_rounds.current->turn() != Turn::Remote)
        why = proposal == Proposal::Draw ? "a draw is offered on the partner's turn, after your move"
                                         : "a move is taken back on the partner's turn, right after it";
    else if (proposal == Proposal::Takeback && m_rounds.lastActor != Turn::Local)
        why = "the last move is not yours to take back";
    else if (proposal == Proposal::Takeback && !m_rounds.current->canTakeBack())
        why = "in " + m_game->info().title + " that move cannot be taken back";
    if (!why.empty())
    {
        setNotice(why);
        return false;
    }
    m_rounds.ourProposal = Rounds::Pending{proposal, m_rounds.actions};
    sendMessage("propose", {{"proposal", proposalName(proposal)}, {"at", m_rounds.actions}}, m_rounds.number);
    m_notice.clear();
    addLog(LogEntry::Kind::Info, "you ask for " + proposalWords(proposal));
    return true;
}

bool Session::answer(bool accept)
{
    if (!roundIsOn() || !m_rounds.partnerProposal)
    {
        setNotice("no proposal waits for your answer");
        return false;
    }
    const Rounds::Pending pending = *std::exchange(m_rounds.partnerProposal, std::nullopt);
    sendMessage(accept ? "accept" : "decline", {{"proposal", proposalName(pending.proposal)}, {"at", pending.actions}},
                m_rounds.number);
    m_notice.clear();
    if (!accept)
        addLog(LogEntry::Kind::Info, "you decline " + proposalWords(pending.proposal));
    else if (pending.proposal == Proposal::Draw)
        concede(Outcome::Draw, Concession::AgreedDraw);
    else
        takeBackLastMove();
    return true;
}

bool Session::applyCourtesy(const Envelope& envelope)
{
    const std::string& type = envelope.type;
    if (type != "resign" && type != "propose" && type != "accept" && type != "decline")
        return false;
    if (m_phase != Phase::Playing)
    {
        setNotice("ignored the partner's " + type + " after the round");
        return true;
    }
    if (type == "resign")
    {
        concede(Outcome::Won, Concession::Resignation);
        return true;
    }
    const auto proposal = proposalIn(envelope.body);
    const auto at = actionsIn(envelope.body);
    if (!proposal || !at)
    {
        setNotice("refused the partner's " + type + ": it names no proposal (draw or takeback) and move (at)");
        return true;
    }
    const std::string partner = m_pair.partnerName.empty() ? "the partner" : m_pair.partnerName;
    if (type == "propose")
    {
        if (*at != m_rounds.actions)
            addLog(LogEntry::Kind::Info, partner + " asked for " + proposalWords(*proposal) + " before the last move: it lapsed");
        else if (*proposal == Proposal::Takeback && (m_rounds.lastActor != Turn::Remote || !m_rounds.current->canTakeBack()))
            setNotice("refused the partner's takeback: the last move is not one it can take back");
        else
        {
            m_rounds.partnerProposal = Rounds::Pending{*proposal, *at};
            addLog(LogEntry::Kind::Info, partner + " asks for " + proposalWords(*proposal));
        }
        ++m_revision;
        return true;
    }
    // An answer: to our proposal, still waiting (nothing can have lapsed it on the partner's turn).
    if (!m_rounds.ourProposal || m_rounds.ourProposal->proposal != *proposal || m_rounds.ourProposal->actions != *at)
    {
        setNotice("ignored the partner's " + type + " of a " + proposalName(*proposal) + " nobody asked for");
        return true;
    }
    m_rounds.ourProposal.reset();
    if (type == "decline")
        setNotice(partner + " declines " + proposalWords(*proposal));
    else if (*proposal == Proposal::Draw)
        concede(Outcome::Draw, Concession::AgreedDraw);
    else
        takeBackLastMove();
    return true;
}

void Session::noteAction(Turn actor)
{
    ++m_rounds.actions;
    m_rounds.lastActor = actor;
    m_rounds.ourProposal.reset(); // a proposal lapses with the next move
    m_rounds.partnerProposal.reset();
}

void Session::concede(Outcome outcome, Concession how)
{
    m_rounds.conceded = Rounds::Conceded{outcome, how};
    m_rounds.ourProposal.reset();
    m_rounds.partnerProposal.reset();
    m_rounds.settleDeadline.reset();
    m_phase = Phase::RoundOver;
    m_rounds.scored = outcome;
    m_rounds.scoredForfeit = false;
    count(outcome, false, +1);
    if (how == Concession::AgreedDraw)
        ++m_score.agreedDraws;
    else if (how == Concession::Resignation)
        ++(outcome == Outcome::Won ? m_score.winsByResignation : m_score.lossesByResignation);
    followClock();
    addLog(LogEntry::Kind::Result, resultText());
    if (m_actionListener)
        m_actionListener();
}

void Session::takeBackLastMove()
{
    m_rounds.current->takeBack();
    --m_rounds.actions; // both sides count the same: the next proposal names the same number
    m_rounds.lastActor = Turn::None; // one move back, not two
    m_rounds.ourProposal.reset();
    m_rounds.partnerProposal.reset();
    addLog(LogEntry::Kind::Move, "the last move is taken back");
    followClock();
    if (m_actionListener)
        m_actionListener();
}

std::optional<Session::Proposal> Session::partnerProposal() const
{
    return m_rounds.partnerProposal ? std::optional(m_rounds.partnerProposal->proposal) : std::nullopt;
}

std::optional<Session::Proposal> Session::localProposal() const
{
    return m_rounds.ourProposal ? std::optional(m_rounds.ourProposal->proposal) : std::nullopt;
}

Outcome Session::outcome() const
{
    if (m_rounds.conceded)
        return m_rounds.conceded->outcome;
    return m_rounds.current ? m_rounds.current->outcome() : Outcome::Undecided;
}

std::string Session::resultText() const
{
    if (!m_rounds.conceded)
        return m_rounds.current ? m_rounds.current->resultText() : std::string();
    if (m_rounds.conceded->how == Concession::AgreedDraw)
        return "Draw agreed";
    const std::string partner = m_pair.partnerName.empty() ? "The partner" : m_pair.partnerName;
    if (m_rounds.conceded->how == Concession::Time)
        return m_rounds.conceded->outcome == Outcome::Won ? partner + "'s time ran out" : "Your time ran out";
    return m_rounds.conceded->outcome == Outcome::Won ? partner + " resigns" : "You resign";
}

std::string Session::publicResultText() const
{
    if (!m_rounds.conceded)
        return m_rounds.current ? m_rounds.current->publicResultText() : std::string();
    if (m_rounds.conceded->how == Concession::AgreedDraw)
        return "Draw agreed";
    const std::string& loser = m_rounds.conceded->outcome == Outcome::Won ? m_pair.partnerName : m_localName;
    return (loser.empty() ? std::string("A player") : loser) +
           (m_rounds.conceded->how == Concession::Time ? "'s time ran out" : " resigns");
}

} // namespace engine
