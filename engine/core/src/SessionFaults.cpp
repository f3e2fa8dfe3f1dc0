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
    // A settling round waits its whole time again: the partner could not settle it while away.
    if (m_settleDeadline && m_round)
        m_settleDeadline = m_clock() + m_round->settleTimeout();
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

std::chrono::milliseconds Session::graceLeft() const
{
    if (m_fault != Fault::PartnerAway)
        return std::chrono::milliseconds(0);
    return std::max(std::chrono::milliseconds(0),
                    std::chrono::duration_cast<std::chrono::milliseconds>(m_awayDeadline - m_clock()));
}

void Session::giveUp()
{
    m_fault = Fault::GaveUp;
    m_gaveUp = true;
    addLog(LogEntry::Kind::Info, "gave up waiting for " + m_partnerName + " after " + secondsText(m_gracePeriod));
}

} // namespace engine
