#include <mqttgames/engine/Connection.hpp>
#include <mqttgames/engine/Spectator.hpp>

#include <utility>

#include <mqttgames/engine/Session.hpp>

#include "Audience.hpp"
#include "Farewell.hpp"

namespace engine
{

namespace
{

bool contains(const std::string& text, const char* part)
{
    return text.find(part) != std::string::npos;
}

// The client's reason with what was tried, so that a refused login or an untrusted certificate reads
// as such on the screen. The password is never part of it.
std::string failureText(const Connection::Settings& settings, const std::string& reason)
{
    const std::string where = settings.host + ":" + std::to_string(settings.port);
    std::string why = reason.empty() ? "the broker did not answer" : reason;
    if (const std::string said = "cannot connect to " + where + ": "; why.rfind(said, 0) == 0)
        why.erase(0, said.size()); // the place is said once
    if (contains(reason, "not authorised") || contains(reason, "bad user name or password"))
        return "the broker at " + where + " refused the login " +
               (settings.username.empty() ? std::string("(none given: it wants a username and password)")
                                          : "of \"" + settings.username + "\"") + ": " + why;
    if (settings.tls.enabled())
        return "no TLS connection to " + where + " trusting " + settings.tls.caFile + ": " + why;
    return why;
}

// The terms a pair agrees on (mqtt::GameClient::setTerms): the time control, when there is one.
// None gives no terms, as the seed's clients have.
std::string termsOf(const TimeControl& clock)
{
    return clock.isNone() ? "" : "clock=" + clock.text();
}

std::string clockOfTerms(const std::string& terms)
{
    if (terms.empty())
        return "no clock";
    if (terms.rfind("clock=", 0) == 0)
        return "the clock " + terms.substr(6);
    return "terms \"" + terms + "\"";
}

} // namespace

Connection::Connection(mqtt::EventQueue queue, Session& session, Settings settings)
    : m_queue(std::move(queue)),
      m_session(&session),
      m_settings(std::move(settings)),
      m_byeConfirmed(std::make_shared<ByeLatch>()),
      m_audience(std::make_shared<Audience>(m_queue))
{
    // Callbacks hold only a weak token: once the connection is gone, queued calls do nothing.
    const std::weak_ptr<int> alive = m_alive;
    auto post = m_queue.post(
        [this, alive](const mqtt::GameEvent& event)
        {
            if (alive.lock())
                onEvent(event);
        });
    // Reactor thread: the bye handshake is done here, not through the queue, since a leaving side
    // waits for the confirmation inside leave(), and its partner may be drained by that same loop.
    // `this` outlives every call: no callback runs once the client is destroyed.
    auto onEvent = [this, post = std::move(post), latch = m_byeConfirmed,
                    confirmation = byeConfirmationText(session.game().info())](const mqtt::GameEvent& event)
    {
        if (const auto* message = std::get_if<mqtt::event::Message>(&event))
        {
            if (confirmsBye(message->text))
                latch->open();
            else if (isBye(message->text))
            {
                m_client->sendMessage(confirmation);
                latch->open(); // a partner that leaves will not confirm our bye: leaving need not wait for it
            }
        }
        post(event);
    };
    m_client = std::make_unique<mqtt::GameClient>(nullptr, nullptr, m_settings.topic);
    m_client->setEventCallback(std::move(onEvent));
    m_client->setName(m_settings.name);
    m_client->setVerbose(m_settings.verbose);
    m_client->setConnectTimeout(m_settings.connectTimeout);
    m_client->setCredentials(m_settings.username, m_settings.password);
    m_client->setRoomPassword(m_settings.roomPassword);
    m_client->setTerms(termsOf(m_settings.clock));
    m_client->setTls(m_settings.tls);
    m_client->setBesideCallback(std::string(PresenceSubtopic) + "/+",
                                [audience = m_audience](const std::string& subtopic, const std::string& payload)
                                { audience->note(subtopic, payload); });
    m_session->setGracePeriod(m_settings.gracePeriod);
}

Connection::~Connection()
{
    m_alive.reset();
    leave();
    m_client.reset();
}

void Connection::start()
{
    m_session->connecting();
    m_partner.reset();
    m_client->start(m_settings.host, m_settings.port);
}

bool Connection::send(const std::string& text)
{
    return m_client->sendMessage(text);
}

bool Connection::lookForPartner()
{
    if (m_session->phase() == Phase::PartnerLeft && m_client->getState() == mqtt::GameState::Ready)
    {
        // The partner said bye; the client drops it at its DISCONNECT, which is still on the way.
        m_lookWhenGone = true;
        m_lookAskedAt = std::chrono::steady_clock::now();
        m_partner.reset();
        m_session->waitingForPartner();
        return true;
    }
    const bool looking = m_client->lookForPartner();
    if (looking)
    {
        m_partner.reset();
        m_session->waitingForPartner();
    }
    return looking;
}

void Connection::publishFeed(const std::string& snapshot)
{
    // A partner of the seed's protocol publishes no feed: then we do, whichever side we are.
    if (m_partner && (m_partner->first || !m_partner->signedMessages))
        m_client->publishBeside(FeedSubtopic, snapshot, true);
}

std::size_t Connection::watchers() const
{
    return m_audience->count();
}

void Connection::leave()
{
    if (m_left)
        return;
    m_left = true;
    if (const std::string bye = m_session->farewell(); !bye.empty() && m_client->sendMessage(bye))
        m_byeConfirmed->waitFor(ByeTimeout);
    m_client->disconnect();
}

void Connection::update()
{
    if (const std::size_t dropped = m_queue.dropped(); dropped > m_droppedSeen)
    {
        m_session->eventsDropped(dropped - m_droppedSeen);
        m_droppedSeen = dropped;
    }
    if (m_lookWhenGone && std::chrono::steady_clock::now() - m_lookAskedAt >= PartnerAnswerTimeout)
    {
        // The old partner's DISCONNECT never came (lost with its socket): start afresh instead.
        m_lookWhenGone = false;
        start();
        return;
    }
    if (m_session->phase() != Phase::Reconnecting)
    {
        m_linkBackAt.reset();
        return;
    }
    // Our link is back and the partner normally answers our "back" hello within moments; give it a
    // little while before the session says it is away.
    if (m_linkBackAt && std::chrono::steady_clock::now() - *m_linkBackAt >= PartnerAnswerTimeout)
    {
        m_linkBackAt.reset();
        m_session->partnerDisconnected();
    }
}

void Connection::onEvent(const mqtt::GameEvent& event)
{
    namespace ev = mqtt::event;
    if (std::holds_alternative<ev::Waiting>(event))
    {
        if (m_session->phase() != Phase::WaitingForPartner)
            m_session->waitingForPartner();
    }
    else if (const auto* paired = std::get_if<ev::Paired>(&event))
    {
        if (m_partner && paired->partnerId == m_partner->partnerId && m_session->canResume())
            m_session->partnerBack();
        else
        {
            m_partner = *paired;
            m_forgeryTold = false;
            m_session->partnerArrived(paired->first, paired->partnerName);
            if (!paired->signedMessages)
                m_session->warn(m_session->partnerName() + "'s messages are not signed: anyone on the topic could speak in its name");
        }
    }
    else if (std::holds_alternative<ev::PartnerBack>(event))
    {
        m_linkBackAt.reset();
        if (m_session->canResume())
            m_session->partnerBack();
        else if (m_partner)
            m_session->partnerArrived(m_partner->first, m_partner->partnerName);
    }
    else if (std::holds_alternative<ev::PartnerLeft>(event))
    {
        if (std::exchange(m_lookWhenGone, false))
            m_client->lookForPartner();
        else if (m_session->phase() != Phase::Failed)
            m_session->partnerDisconnected(); // a bye came first if it left on purpose
    }
    else if (std::holds_alternative<ev::LinkLost>(event))
    {
        if (m_partner && m_session->phase() != Phase::PartnerLeft && m_session->phase() != Phase::Failed)
            m_session->connectionLost(); // the client reconnects by itself and asks the partner back
    }
    else if (std::holds_alternative<ev::LinkBack>(event))
    {
        if (m_session->phase() == Phase::Reconnecting)
            m_linkBackAt = std::chrono::steady_clock::now();
    }
    else if (const auto* message = std::get_if<ev::Message>(&event))
        m_session->receive(message->text);
    else if (std::holds_alternative<ev::Refused>(event))
    {
        if (!std::exchange(m_forgeryTold, true))
            m_session->warn("Someone on the topic sent messages in " + m_session->partnerName() + "'s name: ignored");
    }
    else if (const auto* mismatch = std::get_if<ev::Mismatch>(&event))
        m_session->warn("Not paired with " + (mismatch->name.empty() ? std::string("a player") : mismatch->name) +
                        ", who waits here with " + clockOfTerms(mismatch->theirTerms) + " (you chose " +
                        clockOfTerms(mismatch->ourTerms) + ")");
    else if (const auto* failed = std::get_if<ev::Failed>(&event))
        m_session->failed(failureText(m_settings, failed->reason));
}

} // namespace engine
