#include <mqttgames/engine/Connection.hpp>

#include <mqttgames/engine/Session.hpp>

namespace engine
{

Connection::Connection(mqtt::EventQueue queue, Session& session, Settings settings)
    : m_queue(std::move(queue)), m_session(&session), m_settings(std::move(settings))
{
    // Callbacks hold only a weak token: once the connection is gone, queued calls do nothing.
    const std::weak_ptr<int> alive = m_alive;
    auto onState = m_queue.post(
        [this, alive](mqtt::GameState state)
        {
            if (alive.lock())
                this->onState(state);
        });
    auto onMessage = m_queue.post(
        [this, alive](const std::string& text)
        {
            if (alive.lock())
                m_session->receive(text);
        });
    m_client = std::make_unique<mqtt::GameClient>(std::move(onState), std::move(onMessage), m_settings.topic);
    m_client->setName(m_settings.name);
    m_client->setVerbose(m_settings.verbose);
    m_client->setConnectTimeout(m_settings.connectTimeout);
}

Connection::~Connection()
{
    m_alive.reset();
    m_client->disconnect();
    if (m_connectThread.joinable())
        m_connectThread.join();
    m_client.reset();
}

void Connection::start()
{
    if (m_connectThread.joinable())
        m_connectThread.join();
    m_session->connecting();
    const std::weak_ptr<int> alive = m_alive;
    m_connectThread = std::thread(
        [this, alive, client = m_client.get(), host = m_settings.host, port = m_settings.port, queue = m_queue]
        {
            if (client->connect(host, port))
                return;
            queue.push(
                [this, alive, error = client->getLastError()]
                {
                    if (alive.lock())
                        m_session->failed(error);
                });
        });
}

bool Connection::send(const std::string& text)
{
    return m_client->sendMessage(text);
}

bool Connection::lookForPartner()
{
    const bool looking = m_client->lookForPartner();
    if (looking)
        m_session->waitingForPartner();
    return looking;
}

void Connection::onState(mqtt::GameState state)
{
    switch (state)
    {
        case mqtt::GameState::Idle: break;
        case mqtt::GameState::Connecting: m_session->connecting(); break;
        case mqtt::GameState::Connected:
            if (m_session->phase() != Phase::WaitingForPartner)
                m_session->waitingForPartner();
            break;
        case mqtt::GameState::Ready: m_session->partnerArrived(m_client->isFirst(), m_client->getPartnerName()); break;
        case mqtt::GameState::Disconnected:
            if (m_session->phase() == Phase::Connecting)
                m_session->failed(m_client->getLastError());
            else if (m_session->phase() != Phase::Failed)
                m_session->partnerLeft();
            break;
    }
}

} // namespace engine
