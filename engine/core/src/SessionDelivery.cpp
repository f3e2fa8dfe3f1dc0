#include <mqttgames/engine/Session.hpp>

#include <mqttgames/engine/Envelope.hpp>
#include <mqttgames/mqtt/SafeText.hpp>

// Messages in and out of a session: the envelope, numbering and acknowledgements (ReliableLink),
// and handing each message to the pairing or to the round it belongs to.

namespace engine
{

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
        if (pairing != envelope->body.end() && (!pairing->is_string() || pairing->get_ref<const std::string&>() != m_pair.token))
            return;
        return m_pair.link.acknowledge(envelope->ack);
    }
    if (envelope->type == "bye")
    {
        if (!isPaired())
            return;
        m_pair.partnerSaidBye = true;
        return partnerLeft();
    }
    if (envelope->seq == 0)
    {
        // An older peer numbers nothing and acknowledges nothing: play unnumbered with it.
        if (!m_pair.legacyPeer)
            m_pair.link.reset();
        m_pair.legacyPeer = true;
        return apply(*envelope);
    }

    if (envelope->type == "hello" && m_pair.resumed && !m_pair.partnerToken.empty())
    {
        // We resumed, but the partner started a new pairing (it had given us up and paired anew):
        // follow it, or the two sides would number and play different games.
        const auto pairing = envelope->body.find("pairing");
        if (pairing != envelope->body.end() && pairing->is_string() && pairing->get_ref<const std::string&>() != m_pair.partnerToken)
            partnerArrived(m_rounds.firstStarts, m_pair.partnerName);
    }
    switch (m_pair.link.receive(envelope->seq))
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
        // The same cleaning as the wire hello's name, which this one may replace.
        if (const auto name = envelope.body.find("name"); name != envelope.body.end() && name->is_string())
            if (std::string clean = mqtt::text::cleanName(name->get_ref<const std::string&>()); !clean.empty())
                m_pair.partnerName = std::move(clean);
        if (const auto pairing = envelope.body.find("pairing"); pairing != envelope.body.end() && pairing->is_string())
            m_pair.partnerToken = pairing->get<std::string>();
        ++m_revision;
        return;
    }
    if (envelope.type == "again")
    {
        m_rounds.partnerWantsRematch = true;
        ++m_revision;
        if (m_phase == Phase::RoundOver && m_rounds.localWantsRematch)
            startRound(m_rounds.localStarts ? false : true);
        return;
    }
    if (!acceptsRoundMessages())
        return setNotice("ignored the partner's " + envelope.type + " outside a round");
    if (envelope.round != m_rounds.number)
        return setNotice("ignored the partner's " + envelope.type + " of round " + std::to_string(envelope.round));
    if (applyClockMessage(envelope) || applyCourtesy(envelope))
        return;
    Reply reply = m_rounds.current->receive(envelope.type, envelope.body);
    if (!reply.accepted)
        return setNotice("refused the partner's " + envelope.type + ": " + reply.reason);
    sendAll(std::move(reply.send));
    m_notice.clear();
    noteAction(Turn::Remote);
    afterAction();
}

bool Session::acceptsRoundMessages() const
{
    // A finished round still takes what it waits for to settle (a reveal to verify).
    return m_rounds.current && (m_phase == Phase::Playing || (m_phase == Phase::RoundOver && m_rounds.current->isSettling()));
}

void Session::sendAck()
{
    if (!m_send || m_pair.legacyPeer)
        return;
    const GameInfo& info = m_game->info();
    Envelope envelope{info.id, info.protocolVersion, "ack", 0, nlohmann::json::object()};
    if (!m_pair.partnerToken.empty())
        envelope.body["pairing"] = m_pair.partnerToken;
    envelope.ack = m_pair.link.delivered();
    m_send(encode(envelope)); // a lost ack is made good by the next one
}

void Session::sendMessage(const std::string& type, nlohmann::json body, int round)
{
    if (!m_send)
        return;
    const GameInfo& info = m_game->info();
    Envelope envelope{info.id, info.protocolVersion, type, round, std::move(body)};
    if (m_pair.legacyPeer)
    {
        if (!m_send(encode(envelope)))
            setNotice("could not send the " + type + " to the partner");
        return;
    }
    envelope.seq = m_pair.link.nextSequence();
    const std::string text = encode(envelope);
    m_pair.link.push(text, m_clock());
    // A failed send is kept all the same: it goes out again on the resume or the resend timer.
    if (m_faults.fault == Fault::None)
        m_send(text);
}

void Session::sendAll(std::vector<Message> messages)
{
    for (Message& message : messages)
        sendMessage(message.type, std::move(message.body), m_rounds.number);
}

void Session::resendDue()
{
    // Not while a fault holds the link: the resume sends everything anyway.
    if (m_faults.fault != Fault::None || !m_send || m_pair.legacyPeer || !isPaired())
        return;
    for (const std::string& text : m_pair.link.due(m_clock()))
        m_send(text);
}

} // namespace engine
