#include <mqttgames/battleship/Protocol.hpp>

#include <algorithm>
#include <utility>

#include <mqttgames/battleship/Commitment.hpp>

#include "RoundWords.hpp"

namespace battleship
{

Protocol::Protocol(bool localStarts) : m_localStarts(localStarts), m_localShoots(localStarts)
{
}

Stage Protocol::stage() const
{
    if (!m_own || !m_partnerCommitment)
        return Stage::Placing;
    if (m_reveal.verdict || m_reveal.withheld)
        return Stage::Over;
    if (localSankAll() || partnerSankAll())
        return Stage::Revealing;
    return Stage::Shooting;
}

Protocol::Step Protocol::accept(std::vector<Message> send, std::string event)
{
    if (!m_reveal.sent && (localSankAll() || partnerSankAll()))
    {
        m_reveal.sent = true;
        send.emplace_back(Reveal{m_own->fleet().toText(), m_salt});
    }
    return {true, {}, std::move(send), std::move(event)};
}

Protocol::Step Protocol::place(const Fleet& fleet, std::string salt)
{
    if (m_own)
        return Step::refuse("your fleet is already placed");
    m_salt = std::move(salt);
    m_own.emplace(fleet);
    m_commitment = commitmentOf(fleet, m_salt);
    return accept({Commit{m_commitment}}, "you placed your fleet (commitment " + shortHash(m_commitment) + ")");
}

Protocol::Step Protocol::shoot(Coord cell)
{
    switch (stage())
    {
        case Stage::Placing: return Step::refuse(m_own ? "the partner is still placing its fleet" : "place your fleet first");
        case Stage::Revealing:
        case Stage::Over: return Step::refuse("the game is over");
        case Stage::Shooting: break;
    }
    if (m_pending)
        return Step::refuse("your shot at " + toString(*m_pending) + " is still waiting for its answer");
    if (!m_localShoots)
        return Step::refuse("it is not your turn");
    if (m_target.isShot(cell))
        return Step::refuse(toString(cell) + " was already shot");
    m_pending = cell;
    return accept({Fire{cell}}, "you fire at " + toString(cell));
}

Protocol::Step Protocol::receive(const Message& message)
{
    return std::visit(
        [this](const auto& content)
        {
            using Content = std::decay_t<decltype(content)>;
            if constexpr (std::is_same_v<Content, Commit>)
                return receiveCommit(content);
            else if constexpr (std::is_same_v<Content, Fire>)
                return receiveShot(content);
            else if constexpr (std::is_same_v<Content, ShotRecord>)
                return receiveResult(content);
            else
                return receiveReveal(content);
        },
        message);
}

Protocol::Step Protocol::receiveCommit(const Commit& commit)
{
    if (m_partnerCommitment)
        return Step::refuse("the partner already committed to a fleet");
    m_partnerCommitment = commit.commitment;
    return accept({}, "partner placed its fleet (commitment " + shortHash(commit.commitment) + ")");
}

Protocol::Step Protocol::receiveShot(const Fire& shot)
{
    switch (stage())
    {
        case Stage::Placing: return Step::refuse("a shot before both fleets are placed");
        case Stage::Revealing:
        case Stage::Over: return Step::refuse("a shot after the game is over");
        case Stage::Shooting: break;
    }
    if (m_localShoots)
        return Step::refuse("a shot out of turn");
    if (m_own->isShot(shot.cell))
        return Step::refuse(toString(shot.cell) + " was already shot");
    const ShotAnswer answer = m_own->receive(shot.cell);
    m_given.push_back({shot.cell, answer});
    m_localShoots = true;
    return accept({ShotRecord{shot.cell, answer}}, "partner fires at " + toString(shot.cell) + ": " + answerText(answer));
}

Protocol::Step Protocol::receiveResult(const ShotRecord& result)
{
    if (!m_pending)
        return Step::refuse("a result for a shot never fired");
    if (result.shot != *m_pending)
        return Step::refuse("a result for " + toString(result.shot) + ", but the shot was at " + toString(*m_pending));
    if (!m_target.record(result.shot, result.answer))
        return Step::refuse(whyAnswerDoesNotFit(m_target, result));
    m_answers.push_back(result);
    m_pending.reset();
    m_localShoots = false;
    return accept({}, toString(result.shot) + ": " + answerText(result.answer));
}

Protocol::Step Protocol::receiveReveal(const Reveal& reveal)
{
    switch (stage())
    {
        case Stage::Placing:
        case Stage::Shooting: return Step::refuse("a reveal before the end");
        case Stage::Over: return Step::refuse("the partner already revealed its fleet");
        case Stage::Revealing: break;
    }
    const Verdict& verdict = m_reveal.verdict.emplace(verifyReveal(*m_partnerCommitment, reveal.fleet, reveal.salt, m_answers));
    if (verdict.verified())
        m_reveal.partnerFleet = Fleet::parse(reveal.fleet);
    const std::string shown = m_reveal.partnerFleet ? m_reveal.partnerFleet->toText() : std::string("its fleet");
    return accept({}, "partner reveals " + shown + ": " + (verdict.verified() ? "verified" : "cheat, " + verdict.reason));
}

bool Protocol::settleTimedOut()
{
    if (stage() != Stage::Revealing)
        return false;
    m_reveal.withheld = true;
    return true;
}

} // namespace battleship
