#include <mqttgames/mqtt/GameClient.hpp>

#include <mqttgames/mqtt/GameWire.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include "GameClientSession.hpp"
#include "HandOver.hpp"

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

namespace mqtt
{

const char* toString(GameState state)
{
    switch (state)
    {
        case GameState::Idle: return "IDLE";
        case GameState::Connecting: return "CONNECTING";
        case GameState::Connected: return "CONNECTED";
        case GameState::Ready: return "READY";
        case GameState::Disconnected: return "DISCONNECTED";
    }
    return "UNKNOWN";
}

GameClient::GameClient(StateCallback stateChanged, MessageCallback messageReceived, std::string topic,
                       std::shared_ptr<Reactor> reactor) :
m_reactor(reactor ? std::move(reactor) : Reactor::shared()),
m_impl(std::make_shared<Impl>(m_reactor, std::move(stateChanged), std::move(messageReceived), std::move(topic)))
{
}

GameClient::~GameClient()
{
    m_impl->gate.close();
    disconnect();
}

bool GameClient::connect(const std::string& host, int port)
{
    Impl& d = *m_impl;
    if (d.reactor.onThread())
    {
        start(host, port);
        return true;
    }
    disconnect();
    const std::uint64_t id = d.newSession();
    std::chrono::milliseconds timeout;
    {
        std::lock_guard lock(d.mutex);
        timeout = d.settings.connectTimeout;
    }
    d.reactor.post([self = m_impl, id, host, port] { self->begin(id, host, port); });
    std::unique_lock lock(d.mutex);
    // The reactor's timers decide (the broker's answer, then the subscription's); the margin here
    // only guards against a stalled reactor.
    const bool decided = d.changed.wait_for(lock, timeout * 2 + std::chrono::seconds(1),
                                            [&] { return d.shared.session != id || d.shared.result.has_value(); });
    if (d.shared.session != id)
    {
        d.shared.lastError = "cancelled by disconnect()";
        return false;
    }
    if (!decided)
    {
        d.shared.lastError = "no answer from " + host + ":" + std::to_string(port);
        return false;
    }
    return *d.shared.result;
}

void GameClient::start(const std::string& host, int port)
{
    disconnect();
    const std::uint64_t id = m_impl->newSession();
    m_impl->onReactor([id, host, port](Impl& self) { self.begin(id, host, port); });
}

bool GameClient::sendMessage(const std::string& text)
{
    Impl& d = *m_impl;
    std::shared_ptr<MQTTClient> mqttClient;
    std::string payload;
    {
        std::lock_guard lock(d.mutex);
        if (d.shared.state != GameState::Ready)
        {
            d.shared.lastError = "no partner to send to";
            return false;
        }
        mqttClient = d.shared.client;
        payload = wire::format(d.shared.trust->seal(text), d.id);
    }
    if (mqttClient && mqttClient->publish(d.topic, payload))
        return true;
    std::lock_guard lock(d.mutex);
    d.shared.lastError = mqttClient ? mqttClient->getLastError() : "not connected";
    return false;
}

bool GameClient::publishBeside(const std::string& subtopic, const std::string& payload, bool retain)
{
    const auto mqttClient = m_impl->currentClient();
    return mqttClient && mqttClient->publish(m_impl->topic + "/" + subtopic, payload, 0, retain);
}

void GameClient::disconnect()
{
    Impl& d = *m_impl;
    std::shared_ptr<MQTTClient> mqttClient;
    std::string bye;
    {
        std::lock_guard lock(d.mutex);
        ++d.shared.session; // cancels a connect() that has not begun on the reactor yet
        if (!d.shared.client && d.shared.state != GameState::Connecting)
            return; // never connected, or a failed connect() already ended it

        d.shared.leaving = true;
        d.shared.state = GameState::Idle;
        mqttClient.swap(d.shared.client);
        bye = wire::format(d.shared.trust ? d.shared.trust->seal(wire::DisconnectText) : std::string(wire::DisconnectText), d.id);
    }
    d.changed.notify_all();
    auto goodbye = [mqttClient, topic = d.topic, bye = std::move(bye)](Impl& self) mutable
    {
        self.stopTimers();
        self.run.earlyHello.reset();
        self.run.resuming = false;
        if (mqttClient && mqttClient->isConnected())
            mqttClient->publish(topic, bye);
        mqttClient.reset(); // its destructor says goodbye to the broker after our DISCONNECT
        self.tellState();
    };
    if (d.reactor.onThread())
        return goodbye(d);
    // Waits briefly for the reactor to hand the goodbye to the kernel, so that a program may exit
    // right after; never for the network.
    auto done = std::make_shared<std::pair<std::mutex, std::condition_variable>>();
    auto finished = std::make_shared<bool>(false);
    d.reactor.post(
        [self = m_impl, goodbye = std::move(goodbye), done, finished]() mutable
        {
            goodbye(*self);
            {
                std::lock_guard lock(done->first);
                *finished = true;
            }
            done->second.notify_all();
        });
    std::unique_lock lock(done->first);
    done->second.wait_for(lock, detail::HandOverWait, [&] { return *finished; });
}

bool GameClient::lookForPartner()
{
    Impl& d = *m_impl;
    {
        std::lock_guard lock(d.mutex);
        if (!d.shared.client || !d.shared.client->isConnected() || d.shared.state == GameState::Ready || d.shared.leaving)
            return false;
        d.shared.partnerId.clear();
        d.shared.partnerName.clear();
        d.shared.trust->unpair();
        d.shared.state = GameState::Connected;
    }
    d.changed.notify_all();
    d.onReactor(
        [](Impl& self)
        {
            self.run.resuming = false;
            self.tellState();
            self.emit(event::Waiting{});
            self.announce();
        });
    return true;
}

void GameClient::setBesideCallback(const std::string& filter, BesideCallback callback)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->settings.besideFilter = filter;
    m_impl->settings.onBeside = std::move(callback);
}

void GameClient::setEventCallback(EventCallback callback)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->settings.onEvent = std::move(callback);
}

GameState GameClient::getState() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->shared.state;
}

bool GameClient::hasBrokerConnection() const
{
    const auto mqttClient = m_impl->currentClient();
    return mqttClient && mqttClient->isConnected();
}

int GameClient::protocolVersion() const
{
    const auto mqttClient = m_impl->currentClient();
    return mqttClient ? mqttClient->protocolVersion() : 0;
}

void GameClient::setName(const std::string& name)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->settings.name = wire::sanitizeName(name);
}

std::string GameClient::getName() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->settings.name;
}

std::string GameClient::getPartnerName() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->shared.partnerName;
}

bool GameClient::isFirst() const
{
    std::lock_guard lock(m_impl->mutex);
    return !m_impl->shared.partnerId.empty() && m_impl->id < m_impl->shared.partnerId;
}

std::string GameClient::getId() const
{
    return m_impl->id;
}

std::string GameClient::getPartnerId() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->shared.partnerId;
}

std::string GameClient::getTopic() const
{
    return m_impl->topic;
}

std::string GameClient::getLastError() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->shared.lastError;
}

void GameClient::setVerbose(bool verbose)
{
    std::shared_ptr<MQTTClient> mqttClient;
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->settings.verbose = verbose;
        mqttClient = m_impl->shared.client;
    }
    m_impl->log.setEnabled(verbose);
    if (mqttClient)
        mqttClient->setVerbose(verbose);
}

void GameClient::setKeepalive(int seconds)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->settings.keepalive = seconds;
}

void GameClient::setConnectTimeout(std::chrono::milliseconds timeout)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->settings.connectTimeout = timeout;
}

void GameClient::setAnnounceInterval(std::chrono::milliseconds interval)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->settings.announceInterval = interval;
}

void GameClient::setMaxMessageSize(std::size_t bytes)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->settings.maxMessageSize = bytes;
}

void GameClient::setCredentials(const std::string& username, const std::string& password)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->settings.username = username;
    m_impl->settings.password = password;
}

void GameClient::setTls(const TlsOptions& tls)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->settings.tls = tls;
}

void GameClient::setRoomPassword(const std::string& password)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->settings.roomPassword = password;
}

void GameClient::setTerms(const std::string& terms)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->settings.terms = terms;
}

} // namespace mqtt
