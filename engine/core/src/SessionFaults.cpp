#include <mqttgames/engine/Session.hpp>

#include <algorithm>

#include "Farewell.hpp"

// Faults of a pairing: the partner away or gone, our own connection lost, the resume, and the bye
// that tells the partner we leave on purpose.

namespace engine
{

namespace
{
std::string secondsText(std::chrono::milliseconds duration)
{
    return std::to_string((duration.count() + 999) / 1000) + " s";
}
} // namespace

void Session::partnerDisconnected()
{
    // A partner we never heard from (not even its hello) has no round with us worth waiting for:
    // most likely it left before its client saw us, when it could not say bye yet.
    if (m_pair.partnerSaidBye || !isPaired() || m_pair.link.delivered() == 0)
    {
        if (m_phase != Phase::PartnerLeft)
            partnerLeft();
        return;
    }
    if (m_faults.fault == Fault::PartnerAway || m_faults.fault == Fault::GaveUp)
        return;
    m_faults.fault = Fault::PartnerAway;
    m_faults.awayDeadline = m_clock() + m_faults.gracePeriod;
    addLog(LogEntry::Kind::Info, m_pair.partnerName + " lost the connection \xE2\x80\x94 waiting up to " + secondsText(m_faults.gracePeriod));
}

void Session::connectionLost()
{
    if (!isPaired() || m_faults.fault == Fault::Reconnecting)
        return;
    m_faults.fault = Fault::Reconnecting;
    addLog(LogEntry::Kind::Info, "connection lost \xE2\x80\x94 reconnecting\xE2\x80\xA6");
}

void Session::partnerBack()
{
    if (!canResume())
        return;
    const Fault was = m_faults.fault;
    m_faults.fault = Fault::None;
    m_faults.gaveUp = false;
    m_pair.resumed = true;
    // A settling round waits its whole time again: the partner could not settle it while away.
    if (m_rounds.settleDeadline && m_rounds.current)
        m_rounds.settleDeadline = m_clock() + m_rounds.current->settleTimeout();
    addLog(LogEntry::Kind::Info, was == Fault::Reconnecting ? "connected again: the game goes on" : m_pair.partnerName + " is back: the game goes on");
    if (!m_send || m_pair.legacyPeer)
        return;
    for (const std::string& text : m_pair.link.resendAll(m_clock()))
        m_send(text);
    sendAck(); // lets the partner drop at once what reached us before the fault
}

bool Session::canResume() const
{
    return isPaired() && m_faults.fault != Fault::None;
}

std::string Session::farewell() const
{
    // Whether anybody is there to hear it is the connection's to know: our session may not have
    // heard yet of a partner the client already has.
    if (m_pair.partnerSaidBye)
        return {};
    return byeText(m_game->info());
}

std::chrono::milliseconds Session::graceLeft() const
{
    if (m_faults.fault != Fault::PartnerAway)
        return std::chrono::milliseconds(0);
    return std::max(std::chrono::milliseconds(0),
                    std::chrono::duration_cast<std::chrono::milliseconds>(m_faults.awayDeadline - m_clock()));
}

void Session::giveUp()
{
    m_faults.fault = Fault::GaveUp;
    m_faults.gaveUp = true;
    addLog(LogEntry::Kind::Info, "gave up waiting for " + m_pair.partnerName + " after " + secondsText(m_faults.gracePeriod));
}

} // namespace engine
