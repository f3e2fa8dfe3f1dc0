#include <mqttgames/mqtt/GameClient.hpp>

#include <mqttgames/mqtt/GameWire.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include "VerboseLog.hpp"

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <thread>

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

struct GameClient::Impl
{
    Impl(StateCallback stateCallback, MessageCallback messageCallback, std::string topicName) :
    onState(std::move(stateCallback)),
    onMessage(std::move(messageCallback)),
    topic(std::move(topicName)),
    id(wire::randomId())
    {
    }

    const StateCallback onState;
    const MessageCallback onMessage;
    const std::string topic;
    const std::string id;
    detail::VerboseLog log{"gameclient"};
    std::atomic<std::size_t> maxMessageSize{64 * 1024};

    std::mutex lifecycle; // serialises connect(), disconnect() and lookForPartner()
    std::mutex emitting;  // held while a state change is told, so changes are told in order

    mutable std::mutex mutex; // guards everything below
    std::condition_variable changed;
    GameState state = GameState::Idle;
    std::string name = "Player";
    std::string partnerId;
    std::string partnerName;
    std::string lastError;
    int keepalive = 60;
    std::chrono::milliseconds connectTimeout{5000};
    std::chrono::milliseconds announceInterval{2000};
    std::string username;
    std::string password;
    TlsOptions tls;
    bool verbose = false;
    bool stopAnnouncing = false;
    std::optional<std::pair<std::string, wire::Hello>> earlyHello; // a hello that came while Connecting
    bool resuming = false; // our connection dropped while paired: we want that partner back
    bool leaving = false;  // disconnect() is under way: a closed connection is no loss
    std::shared_ptr<MQTTClient> client; // made anew by each connect(), with the settings of the moment

    std::thread announcer; // joined by disconnect(); touched under `lifecycle` only

    // Sets the state and tells the callback, if it changed. `emitting` keeps the callbacks in the
    // order of the changes even when the network thread and a caller change the state together.
    // Once disconnect() has begun only its Idle is told: until it has joined the network thread, that
    // thread may still read the partner's DISCONNECT (the partner answering ours by leaving too) or a
    // hello, and a client that is leaving must not report them.
    void transition(GameState next)
    {
        std::lock_guard order(emitting);
        {
            std::lock_guard lock(mutex);
            if (state == next || (leaving && next != GameState::Idle))
                return;
            state = next;
            changed.notify_all();
        }
        log.write(std::string("state ") + toString(next));
        if (onState)
            onState(next);
    }

    std::shared_ptr<MQTTClient> currentClient() const
    {
        std::lock_guard lock(mutex);
        return client;
    }

    // Publishes our hello: for anyone waiting, or, as an answer, only for `to`. While we try to get
    // our partner back after a lost connection it is a "back" hello for that partner.
    void announce(const std::string& to = {})
    {
        const auto mqttClient = currentClient();
        if (!mqttClient)
            return;
        const std::string address = mqttClient->getLocalAddress();
        std::string hello;
        {
            std::lock_guard lock(mutex);
            hello = wire::makeHello(name, address, resuming, resuming ? partnerId : to);
        }
        mqttClient->publish(topic, wire::format(hello, id));
    }

    // Network thread: after every connection the broker accepted, the first and each reconnection.
    void handleConnected()
    {
        const auto mqttClient = currentClient();
        if (!mqttClient)
            return;
        // SUBSCRIBE goes out before the hello on the same connection, and the broker handles a
        // connection's packets in order: our hello comes back to us once the subscription is in place.
        mqttClient->subscribe(topic, 0);
        announce();
    }

    // Network thread: our connection dropped; libmosquitto reconnects by itself.
    void handleConnectionLost()
    {
        {
            std::lock_guard lock(mutex);
            if (leaving || partnerId.empty())
                return;
            resuming = true; // keep the partner: we ask for it back once we are connected again
        }
        transition(GameState::Disconnected);
    }

    // Network thread: a hello from the partner we have, or had until one of us lost its connection.
    // It is answered unless we are paired and it is only an answer itself, so the exchange ends.
    void handlePartnerHello(const wire::Hello& hello)
    {
        std::string answerTo;
        {
            std::lock_guard lock(mutex);
            if (state == GameState::Ready && !hello.back)
                return;
            resuming = false;
            answerTo = partnerId;
        }
        announce(answerTo);
        transition(GameState::Ready);
    }

    // Network thread: pairs with the sender of a hello if we are still waiting for a partner.
    void pairWith(const std::string& sender, const wire::Hello& hello)
    {
        {
            std::lock_guard lock(mutex);
            if (state != GameState::Connected)
                return; // paired already: a third client cannot take over
            resuming = false;
            partnerId = sender;
            partnerName = wire::sanitizeName(hello.name);
        }
        announce(sender); // the answer, so that the partner pairs with us too; nobody else may take it
        transition(GameState::Ready);
    }

    // Network thread: the partner we paired with answered someone else, so it paired with them (two
    // hellos crossed while three players arrived at once). We wait again rather than stay paired
    // with a player who ignores us.
    void handlePartnerTaken()
    {
        {
            std::lock_guard lock(mutex);
            if (state != GameState::Ready)
                return;
            partnerId.clear();
            partnerName.clear();
        }
        log.write("the partner paired with another player: waiting again");
        transition(GameState::Connected);
        announce();
    }

    // Network thread: every message on the topic.
    void handleMessage(const std::string& payload, bool retained)
    {
        if (payload.size() > maxMessageSize.load(std::memory_order_relaxed))
        {
            log.write("ignored a message of " + std::to_string(payload.size()) + " bytes: larger than the limit");
            return;
        }
        if (retained)
        {
            log.write("ignored a retained message: it was left on the topic before we came");
            return;
        }
        const auto envelope = wire::parse(payload);
        if (!envelope)
        {
            log.write("ignored a message without a sender id");
            return;
        }
        const bool isHello = wire::isHello(envelope->text);

        if (envelope->sender == id)
        {
            // Our own hello came back: the subscription is in place, we are really waiting now.
            std::optional<std::pair<std::string, wire::Hello>> early;
            {
                std::lock_guard lock(mutex);
                if (!isHello || state != GameState::Connecting)
                    return;
                early.swap(earlyHello);
            }
            transition(GameState::Connected);
            if (early)
                pairWith(early->first, early->second);
            return;
        }

        if (isHello)
        {
            const auto hello = wire::parseHello(envelope->text);
            bool fromPartner = false;
            {
                std::lock_guard lock(mutex);
                if (state == GameState::Connecting)
                {
                    // A player who announced itself before our own hello came back: keep it, unless
                    // it is an answer to someone else (its sender is taken).
                    if (!earlyHello && (hello.to.empty() || hello.to == id))
                        earlyHello.emplace(envelope->sender, hello);
                    return;
                }
                fromPartner = !partnerId.empty() && envelope->sender == partnerId;
            }
            const bool forSomeoneElse = !hello.to.empty() && hello.to != id;
            if (fromPartner && forSomeoneElse)
                handlePartnerTaken();
            else if (fromPartner)
                handlePartnerHello(hello);
            else if (!forSomeoneElse)
                pairWith(envelope->sender, hello);
            return;
        }

        {
            std::lock_guard lock(mutex);
            if (leaving || state != GameState::Ready || envelope->sender != partnerId)
                return; // not from our partner (or we are leaving): not for us
        }
        if (envelope->text == wire::DisconnectText)
        {
            transition(GameState::Disconnected);
            return;
        }
        if (onMessage)
            onMessage(envelope->text);
    }

    void startAnnouncer()
    {
        {
            std::lock_guard lock(mutex);
            stopAnnouncing = false;
        }
        announcer = std::thread(
            [this]
            {
                // Asleep while paired; while waiting (or returning) the hello is repeated, so a lost
                // one strands nobody.
                const auto waiting = [this] { return state == GameState::Connected || (state == GameState::Disconnected && resuming); };
                std::unique_lock lock(mutex);
                for (;;)
                {
                    changed.wait(lock, [&] { return stopAnnouncing || waiting(); });
                    if (stopAnnouncing)
                        return;
                    if (changed.wait_for(lock, announceInterval, [&] { return stopAnnouncing || !waiting(); }))
                        continue; // stopped, or paired meanwhile
                    lock.unlock();
                    announce();
                    lock.lock();
                }
            });
    }

    void stopAnnouncer()
    {
        {
            std::lock_guard lock(mutex);
            stopAnnouncing = true;
            changed.notify_all();
        }
        if (announcer.joinable())
            announcer.join();
    }
};

GameClient::GameClient(StateCallback stateChanged, MessageCallback messageReceived, std::string topic) :
m_impl(std::make_unique<Impl>(std::move(stateChanged), std::move(messageReceived), std::move(topic)))
{
}

GameClient::~GameClient()
{
    disconnect();
}

bool GameClient::connect(const std::string& host, int port)
{
    Impl& d = *m_impl;
    disconnect();
    std::lock_guard life(d.lifecycle);

    std::unique_lock lock(d.mutex);
    const int keepalive = d.keepalive;
    const auto timeout = d.connectTimeout;
    const bool verbose = d.verbose;
    const TlsOptions tls = d.tls;
    const std::string username = d.username;
    const std::string password = d.password;
    d.partnerId.clear();
    d.partnerName.clear();
    d.lastError.clear();
    d.earlyHello.reset();
    d.resuming = false;
    d.leaving = false;
    lock.unlock();

    // Made outside our lock: libmosquitto takes its own locks here, and holds them around callbacks.
    auto mqttClient = std::make_shared<MQTTClient>(nullptr, username, password);
    mqttClient->setVerbose(verbose);
    mqttClient->setConnectTimeout(timeout);
    mqttClient->setTls(tls);
    // The partner sees us leave through this will even if we crash or lose the network.
    mqttClient->setWill(d.topic, wire::format(wire::DisconnectText, d.id), 0, false);
    mqttClient->setMessageCallback([&d](const std::string&, const std::string& payload, bool retained)
                                   { d.handleMessage(payload, retained); });
    mqttClient->setConnectionCallback(
        [&d](bool connected, const std::string&)
        {
            if (connected)
                d.handleConnected();
            else
                d.handleConnectionLost();
        });

    lock.lock();
    d.client = mqttClient;
    lock.unlock();

    d.transition(GameState::Connecting);
    bool ok = mqttClient->connect(host, port, keepalive);
    if (ok)
    {
        lock.lock();
        ok = d.changed.wait_for(lock, timeout, [&] { return d.state != GameState::Connecting; });
        if (!ok)
            d.lastError = "connected, but our announcement did not come back: may we subscribe to '" + d.topic + "'?";
        lock.unlock();
    }
    if (!ok)
    {
        const std::string reason = mqttClient->getLastError();
        lock.lock();
        if (d.lastError.empty())
            d.lastError = reason;
        d.client.reset();
        lock.unlock();
        mqttClient->disconnect();
        d.transition(GameState::Disconnected);
        return false;
    }
    d.startAnnouncer();
    return true;
}

bool GameClient::sendMessage(const std::string& text)
{
    Impl& d = *m_impl;
    std::shared_ptr<MQTTClient> mqttClient;
    {
        std::lock_guard lock(d.mutex);
        if (d.state != GameState::Ready)
        {
            d.lastError = "no partner to send to";
            return false;
        }
        mqttClient = d.client;
    }
    if (mqttClient && mqttClient->publish(d.topic, wire::format(text, d.id)))
        return true;
    std::lock_guard lock(d.mutex);
    d.lastError = mqttClient ? mqttClient->getLastError() : "not connected";
    return false;
}

void GameClient::disconnect()
{
    Impl& d = *m_impl;
    std::lock_guard life(d.lifecycle);
    d.stopAnnouncer();
    std::shared_ptr<MQTTClient> mqttClient;
    {
        std::lock_guard lock(d.mutex);
        mqttClient.swap(d.client);
        d.leaving = true;
        d.resuming = false;
    }
    if (!mqttClient)
        return;
    if (mqttClient->isConnected())
        mqttClient->publish(d.topic, wire::format(wire::DisconnectText, d.id));
    mqttClient->disconnect(); // joins the network thread: no callback runs after this
    d.transition(GameState::Idle);
}

bool GameClient::lookForPartner()
{
    Impl& d = *m_impl;
    std::lock_guard life(d.lifecycle);
    const auto mqttClient = d.currentClient();
    if (!mqttClient || !mqttClient->isConnected())
        return false;
    {
        std::lock_guard lock(d.mutex);
        if (d.state == GameState::Ready)
            return false;
        d.partnerId.clear();
        d.partnerName.clear();
        d.resuming = false;
    }
    d.transition(GameState::Connected);
    d.announce();
    return true;
}

GameState GameClient::getState() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->state;
}

bool GameClient::hasBrokerConnection() const
{
    const auto mqttClient = m_impl->currentClient();
    return mqttClient && mqttClient->isConnected();
}

void GameClient::setName(const std::string& name)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->name = wire::sanitizeName(name);
}

std::string GameClient::getName() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->name;
}

std::string GameClient::getPartnerName() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->partnerName;
}

bool GameClient::isFirst() const
{
    std::lock_guard lock(m_impl->mutex);
    return !m_impl->partnerId.empty() && m_impl->id < m_impl->partnerId;
}

std::string GameClient::getId() const
{
    return m_impl->id;
}

std::string GameClient::getPartnerId() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->partnerId;
}

std::string GameClient::getTopic() const
{
    return m_impl->topic;
}

std::string GameClient::getLastError() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->lastError;
}

void GameClient::setVerbose(bool verbose)
{
    std::shared_ptr<MQTTClient> mqttClient;
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->verbose = verbose;
        mqttClient = m_impl->client;
    }
    m_impl->log.setEnabled(verbose);
    if (mqttClient)
        mqttClient->setVerbose(verbose);
}

void GameClient::setKeepalive(int seconds)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->keepalive = seconds;
}

void GameClient::setConnectTimeout(std::chrono::milliseconds timeout)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->connectTimeout = timeout;
}

void GameClient::setAnnounceInterval(std::chrono::milliseconds interval)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->announceInterval = interval;
}

void GameClient::setMaxMessageSize(std::size_t bytes)
{
    m_impl->maxMessageSize.store(bytes, std::memory_order_relaxed);
}

void GameClient::setCredentials(const std::string& username, const std::string& password)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->username = username;
    m_impl->password = password;
}

void GameClient::setTls(const TlsOptions& tls)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->tls = tls;
}

} // namespace mqtt
