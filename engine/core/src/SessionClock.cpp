#include <mqttgames/engine/Session.hpp>

#include <mqttgames/engine/Envelope.hpp>
#include <mqttgames/engine/Loop.hpp>

// Clocks under a time control. Each side runs both clocks from what it sees: the partner's starts
// when our move goes out, ours when the partner's comes in. The side whose own clock runs out
// concedes ("timeout"); the other side, whose view of that deadline comes early by the network's
// delay, claims the win ("claim") only FlagTolerance after it, so an honest slow network loses
// nothing and a partner that never concedes cannot hold the round. Time away (a reconnect) counts.

namespace engine
{

std::optional<RoundClock::Duration> Session::timeLeft(Turn side) const
{
    if (!m_rounds.clock)
        return std::nullopt;
    return m_rounds.clock->remaining(side, m_clock());
}

std::string Session::clockText() const
{
    if (!m_rounds.clock)
        return "";
    const std::string partner = m_pair.partnerName.empty() ? "partner" : m_pair.partnerName;
    return "you " + RoundClock::format(*timeLeft(Turn::Local)) + " \xC2\xB7 " + partner + " " +
           RoundClock::format(*timeLeft(Turn::Remote));
}

void Session::followClock()
{
    if (!m_rounds.clock)
        return;
    const bool on = m_phase == Phase::Playing && m_rounds.current && !m_rounds.current->isOver() && !m_rounds.conceded;
    m_rounds.clock->run(on ? m_rounds.current->turn() : Turn::None, m_clock());
}

void Session::checkClock()
{
    if (!m_rounds.clock || !roundIsOn() || m_faults.fault != Fault::None)
        return;
    followClock();
    const auto deadline = m_rounds.clock->deadline();
    const TimePoint now = m_clock();
    if (!deadline)
        return;
    if (m_rounds.clock->running() == Turn::Local && now >= *deadline)
    {
        sendMessage("timeout", {{"at", m_rounds.actions}}, m_rounds.number);
        concede(Outcome::Lost, Concession::Time);
    }
    else if (m_rounds.clock->running() == Turn::Remote && now >= *deadline + FlagTolerance)
    {
        sendMessage("claim", {{"at", m_rounds.actions}}, m_rounds.number);
        concede(Outcome::Won, Concession::Time);
    }
}

std::optional<Session::TimePoint> Session::clockWake() const
{
    if (!m_rounds.clock || m_rounds.clock->running() == Turn::None)
        return std::nullopt;
    // The next second the clock shows, or the deadline (with the tolerance for the partner's).
    const TimePoint now = m_clock();
    const auto left = m_rounds.clock->remaining(m_rounds.clock->running(), now);
    const auto tick = left.count() > 0 ? left % std::chrono::milliseconds(1000) : std::chrono::milliseconds(0);
    const TimePoint shown = now + (tick.count() > 0 ? tick : std::chrono::milliseconds(1000));
    if (m_faults.fault != Fault::None)
        return shown; // no flag falls during a fault (checkClock waits for its end): the display only
    const TimePoint flag = *m_rounds.clock->deadline() + (m_rounds.clock->running() == Turn::Remote ? FlagTolerance : RoundClock::Duration(0));
    return earliest(shown, std::max(flag, now));
}

bool Session::applyClockMessage(const Envelope& envelope)
{
    if (envelope.type != "timeout" && envelope.type != "claim")
        return false;
    if (m_phase != Phase::Playing || !m_rounds.clock)
    {
        setNotice("ignored the partner's " + envelope.type + (m_rounds.clock ? " after the round" : ": this round has no clock"));
        return true;
    }
    followClock();
    if (envelope.type == "timeout")
    {
        concede(Outcome::Won, Concession::Time);
        return true;
    }
    // The partner saw our time run out. By our own clock it has, or nearly (a move of ours may
    // still be on its way when the network is slower than the tolerance).
    const auto left = m_rounds.clock->remaining(Turn::Local, m_clock());
    if (left > FlagTolerance)
    {
        setNotice("refused the partner's claim that your time ran out: " + RoundClock::format(left) + " left here");
        return true;
    }
    concede(Outcome::Lost, Concession::Time);
    return true;
}

} // namespace engine
