#include <mqttgames/mqtt/GameClient.hpp>

#include <mqttgames/mqtt/GameWire.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include "CallbackGate.hpp"
#include "VerboseLog.hpp"

#include <condition_variable>
#include <mutex>
#include <optional>

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

namespace
{
// How long disconnect() waits for the reactor to have sent our goodbye to the kernel.
constexpr std::chrono::milliseconds HandOverWait{80};
} // namespace

// The client's state machine. It runs on the reactor's thread; callers read a snapshot under
// `mutex` and post what they ask for. Tasks and timers on the reactor share it with the facade.
struct GameClient::Impl : std::enable_shared_from_this<Impl>
{
    Impl(std::shared_ptr<Reactor> r, StateCallback stateCallback, MessageCallback messageCallback, std::string topicName) :
    reactor(std::move(r)),
    onState(std::move(stateCallback)),
    onMessage(std::move(messageCallback)),
    topic(std::move(topicName)),
    id(wire::randomId())
    {
    }

    const std::shared_ptr<Reactor> reactor;
    const StateCallback onState;
    const MessageCallback onMessage;
    const std::string topic;
    const std::string id;
    detail::VerboseLog log{"gameclient"};
    detail::CallbackGate gate;

    // Shared with callers; guarded by `mutex`.
    mutable std::mutex mutex;
    std::condition_variable changed;
    GameState state = GameState::Idle;
    std::uint64_t session = 0;  // counts connect() and disconnect(): work of an older one is dropped
    std::optional<bool> result; // of the pending connect()
    bool leaving = false;       // disconnect() has begun: only its Idle is told
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
    std::size_t maxMessageSize = 64 * 1024;
    EventCallback onEvent;
    std::shared_ptr<MQTTClient> client; // made anew for each session, with the settings of the moment

    // Reactor thread only.
    std::uint64_t running = 0;
    GameState told = GameState::Idle;
    EventCallback events;
    bool resuming = false; // our connection dropped while paired: we want that partner back
    std::optional<std::pair<std::string, wire::Hello>> earlyHello; // a hello that came while Connecting
    Reactor::TimerId announceTimer = 0;
    Reactor::TimerId subscribeTimer = 0;

    // --- telling ---------------------------------------------------------------------------------

    // Sets the state (unless we are leaving) and tells it, if it changed.
    void enter(GameState next)
    {
        {
            std::lock_guard lock(mutex);
            if (leaving && next != GameState::Idle)
                return;
            state = next;
        }
        changed.notify_all();
        tellState();
    }

    void tellState()
    {
        GameState now;
        {
            std::lock_guard lock(mutex);
            now = state;
        }
        if (now == told)
            return;
        told = now;
        log.write(std::string("state ") + toString(now));
        if (onState)
            gate.run([&] { onState(now); });
    }

    void emit(const GameEvent& event)
    {
        {
            std::lock_guard lock(mutex);
            if (leaving)
                return;
        }
        if (events)
            gate.run([&] { events(event); });
    }

    std::shared_ptr<MQTTClient> currentClient() const
    {
        std::lock_guard lock(mutex);
        return client;
    }

    // --- the session -----------------------------------------------------------------------------

    void begin(std::uint64_t id, const std::string& host, int port)
    {
        int seconds = 0;
        std::shared_ptr<MQTTClient> mqttClient;
        {
            std::lock_guard lock(mutex);
            if (session != id)
                return; // disconnect() came first
            running = id;
            events = onEvent;
            seconds = keepalive;
            mqttClient = std::make_shared<MQTTClient>(nullptr, username, password, reactor);
            mqttClient->setVerbose(verbose);
            mqttClient->setConnectTimeout(connectTimeout);
            mqttClient->setTls(tls);
            mqttClient->setMaxMessageSize(maxMessageSize);
            client = mqttClient;
        }
        resuming = false;
        earlyHello.reset();
        stopTimers();
        // The partner sees us leave through this will even if we crash or lose the network.
        mqttClient->setWill(topic, wire::format(wire::DisconnectText, this->id), 0, false);
        const std::weak_ptr<Impl> weak = weak_from_this();
        mqttClient->setMessageCallback(
            [weak, id](const std::string&, const std::string& payload, bool retained)
            {
                if (const auto self = weak.lock(); self && self->running == id)
                    self->handleMessage(payload, retained);
            });
        mqttClient->setConnectionCallback(
            [weak, id](bool connected, const std::string& reason)
            {
                if (const auto self = weak.lock(); self && self->running == id)
                    connected ? self->handleConnected() : self->handleConnectionLost(reason);
            });
        mqttClient->setSubscribedCallback(
            [weak, id](const std::string& topic, bool granted)
            {
                if (const auto self = weak.lock(); self && self->running == id && topic == self->topic)
                    self->handleSubscribed(granted);
            });
        enter(GameState::Connecting);
        // On the reactor connect() only starts; the connection callback tells the outcome.
        if (!mqttClient->connect(host, port, seconds))
            fail(mqttClient->getLastError());
    }

    // connect() failed: our connection, our subscription or our announcement.
    void fail(const std::string& reason)
    {
        stopTimers();
        std::shared_ptr<MQTTClient> mqttClient;
        {
            std::lock_guard lock(mutex);
            lastError = reason;
            mqttClient.swap(client);
        }
        log.write("cannot connect: " + reason);
        mqttClient.reset(); // closes on the reactor; nothing of it is told any more
        enter(GameState::Disconnected);
        emit(event::Failed{reason});
        finishConnect(false);
    }

    // Tells a waiting connect() its outcome, after the state it waits for has been told.
    void finishConnect(bool connected)
    {
        {
            std::lock_guard lock(mutex);
            if (session == running)
                result = connected;
        }
        changed.notify_all();
    }

    // Our hello came back: we are waiting for a partner now.
    void becomeWaiting()
    {
        if (subscribeTimer)
            reactor->cancel(subscribeTimer);
        subscribeTimer = 0;
        if (const auto mqttClient = currentClient(); mqttClient && mqttClient->protocolVersion() == 5)
        {
            // From now on the broker keeps our own messages from us (and does half the work);
            // until its SUBACK, echoes still come and are dropped by sender id as over 3.1.1.
            mqttClient->setReceiveOwnMessages(false);
            mqttClient->subscribe(topic, 0);
        }
        {
            std::lock_guard lock(mutex);
            result = true;
        }
        enter(GameState::Connected);
        emit(event::Waiting{});
        finishConnect(true);
        scheduleAnnounce();
        if (auto early = std::exchange(earlyHello, std::nullopt))
            pairWith(early->first, early->second);
    }

    void stopTimers()
    {
        for (auto* timer : {&announceTimer, &subscribeTimer})
        {
            if (*timer)
                reactor->cancel(*timer);
            *timer = 0;
        }
    }

    // While waiting (or returning) the hello is repeated, so a lost one strands nobody.
    void scheduleAnnounce()
    {
        std::chrono::milliseconds interval;
        {
            std::lock_guard lock(mutex);
            interval = announceInterval;
        }
        announceTimer = reactor->after(interval,
                                       [self = shared_from_this()]
                                       {
                                           self->announceTimer = 0;
                                           GameState now;
                                           {
                                               std::lock_guard lock(self->mutex);
                                               now = self->state;
                                           }
                                           if (now == GameState::Connected || (now == GameState::Disconnected && self->resuming))
                                               self->announce();
                                           self->scheduleAnnounce();
                                       });
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

    // --- what the connection tells ---------------------------------------------------------------

    void handleConnected()
    {
        const auto mqttClient = currentClient();
        if (!mqttClient)
            return;
        if (told == GameState::Connecting)
        {
            // SUBSCRIBE goes out before the hello on the same connection, and the broker handles a
            // connection's packets in order: our own hello coming back proves that we may read and
            // write the topic (a SUBACK alone does not: brokers grant subscriptions their ACL then
            // filters). Over MQTT 5 we then subscribe again with "no local" (see becomeWaiting()).
            mqttClient->setReceiveOwnMessages(true);
            mqttClient->subscribe(topic, 0);
            std::chrono::milliseconds timeout;
            {
                std::lock_guard lock(mutex);
                timeout = connectTimeout;
            }
            subscribeTimer = reactor->after(timeout,
                                            [self = shared_from_this()]
                                            {
                                                self->subscribeTimer = 0;
                                                if (self->told == GameState::Connecting)
                                                    self->fail("connected, but our announcement did not come back: may we subscribe to '" +
                                                               self->topic + "'?");
                                            });
            announce();
            return;
        }
        // A reconnect: the subscription was made again before this; ask the partner back.
        emit(event::LinkBack{});
        announce();
    }

    void handleConnectionLost(const std::string& reason)
    {
        if (told == GameState::Connecting && subscribeTimer)
            // Some brokers close the connection of a client that publishes where it may not.
            return fail("connected, but the broker closed the connection before our announcement came back (" + reason +
                        "): may we subscribe to '" + topic + "'?");
        if (told == GameState::Connecting)
            return fail(reason);
        emit(event::LinkLost{reason});
        {
            std::lock_guard lock(mutex);
            if (partnerId.empty())
                return; // still waiting for a partner: we wait again once we are back
        }
        resuming = true; // keep the partner: we ask for it back once we are connected again
        enter(GameState::Disconnected);
    }

    void handleSubscribed(bool granted)
    {
        if (told != GameState::Connecting)
            return;
        if (!granted)
            fail("the broker refused our subscription to '" + topic + "'");
    }

    // A hello from the partner we have, or had until one of us lost its connection. It is answered
    // unless we are paired and it is only an answer itself, so the exchange ends.
    void handlePartnerHello(const wire::Hello& hello)
    {
        std::string answerTo;
        GameState before;
        {
            std::lock_guard lock(mutex);
            before = state;
            if (state == GameState::Ready && !hello.back)
                return;
            answerTo = partnerId;
        }
        resuming = false;
        announce(answerTo);
        enter(GameState::Ready);
        if (before != GameState::Ready)
            emit(event::PartnerBack{});
    }

    // Pairs with the sender of a hello if we are still waiting for a partner.
    void pairWith(const std::string& sender, const wire::Hello& hello)
    {
        event::Paired paired;
        {
            std::lock_guard lock(mutex);
            if (state != GameState::Connected)
                return; // paired already: a third client cannot take over
            partnerId = sender;
            partnerName = wire::sanitizeName(hello.name);
            paired = {partnerId, partnerName, id < partnerId};
        }
        resuming = false;
        announce(sender); // the answer, so that the partner pairs with us too; nobody else may take it
        enter(GameState::Ready);
        emit(paired);
    }

    // The partner we paired with answered someone else, so it paired with them (two hellos crossed
    // while three players arrived at once). We wait again rather than stay paired with a player who
    // ignores us.
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
        enter(GameState::Connected);
        emit(event::Waiting{});
        announce();
    }

    // Every message on the topic.
    void handleMessage(const std::string& payload, bool retained)
    {
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
            if (isHello && told == GameState::Connecting)
                becomeWaiting();
            return;
        }

        if (isHello)
        {
            const auto hello = wire::parseHello(envelope->text);
            if (told == GameState::Connecting)
            {
                // A player who announced itself before our subscription was confirmed: keep it,
                // unless it is an answer to someone else (its sender is taken).
                if (!earlyHello && (hello.to.empty() || hello.to == id))
                    earlyHello.emplace(envelope->sender, hello);
                return;
            }
            bool fromPartner = false;
            {
                std::lock_guard lock(mutex);
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
            enter(GameState::Disconnected);
            emit(event::PartnerLeft{});
            return;
        }
        if (onMessage)
            gate.run([&] { onMessage(envelope->text); });
        emit(event::Message{envelope->text});
    }

    // --- callers' side ---------------------------------------------------------------------------

    // Starts a new session; returns its id. The old one must have been ended.
    std::uint64_t newSession()
    {
        std::lock_guard lock(mutex);
        partnerId.clear();
        partnerName.clear();
        lastError.clear();
        result.reset();
        leaving = false;
        state = GameState::Connecting; // told once the reactor begins
        return ++session;
    }

    void onReactor(std::function<void(Impl&)> task)
    {
        if (reactor->onThread())
            task(*shared_from_this()); // kept alive, should a callback destroy the facade
        else
            reactor->post([self = shared_from_this(), task = std::move(task)] { task(*self); });
    }
};

GameClient::GameClient(StateCallback stateChanged, MessageCallback messageReceived, std::string topic,
                       std::shared_ptr<Reactor> reactor) :
m_impl(std::make_shared<Impl>(reactor ? std::move(reactor) : Reactor::shared(), std::move(stateChanged),
                              std::move(messageReceived), std::move(topic)))
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
    if (d.reactor->onThread())
    {
        start(host, port);
        return true;
    }
    disconnect();
    const std::uint64_t id = d.newSession();
    std::chrono::milliseconds timeout;
    {
        std::lock_guard lock(d.mutex);
        timeout = d.connectTimeout;
    }
    d.reactor->post([self = m_impl, id, host, port] { self->begin(id, host, port); });
    std::unique_lock lock(d.mutex);
    // The reactor's timers decide (the broker's answer, then the subscription's); the margin here
    // only guards against a stalled reactor.
    const bool decided = d.changed.wait_for(lock, timeout * 2 + std::chrono::seconds(1),
                                            [&] { return d.session != id || d.result.has_value(); });
    if (d.session != id)
    {
        d.lastError = "cancelled by disconnect()";
        return false;
    }
    if (!decided)
    {
        d.lastError = "no answer from " + host + ":" + std::to_string(port);
        return false;
    }
    return *d.result;
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
    std::shared_ptr<MQTTClient> mqttClient;
    {
        std::lock_guard lock(d.mutex);
        ++d.session; // cancels a connect() that has not begun on the reactor yet
        if (!d.client && d.state != GameState::Connecting)
            return; // never connected, or a failed connect() already ended it

        d.leaving = true;
        d.state = GameState::Idle;
        mqttClient.swap(d.client);
    }
    d.changed.notify_all();
    auto goodbye = [mqttClient, topic = d.topic, bye = wire::format(wire::DisconnectText, d.id)](Impl& self) mutable
    {
        self.stopTimers();
        self.earlyHello.reset();
        self.resuming = false;
        if (mqttClient && mqttClient->isConnected())
            mqttClient->publish(topic, bye);
        mqttClient.reset(); // its destructor says goodbye to the broker after our DISCONNECT
        self.tellState();
    };
    if (d.reactor->onThread())
        return goodbye(d);
    // Waits briefly for the reactor to hand the goodbye to the kernel, so that a program may exit
    // right after; never for the network.
    auto done = std::make_shared<std::pair<std::mutex, std::condition_variable>>();
    auto finished = std::make_shared<bool>(false);
    d.reactor->post(
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
    done->second.wait_for(lock, HandOverWait, [&] { return *finished; });
}

bool GameClient::lookForPartner()
{
    Impl& d = *m_impl;
    {
        std::lock_guard lock(d.mutex);
        if (!d.client || !d.client->isConnected() || d.state == GameState::Ready || d.leaving)
            return false;
        d.partnerId.clear();
        d.partnerName.clear();
        d.state = GameState::Connected;
    }
    d.changed.notify_all();
    d.onReactor(
        [](Impl& self)
        {
            self.resuming = false;
            self.tellState();
            self.emit(event::Waiting{});
            self.announce();
        });
    return true;
}

void GameClient::setEventCallback(EventCallback callback)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->onEvent = std::move(callback);
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

int GameClient::protocolVersion() const
{
    const auto mqttClient = m_impl->currentClient();
    return mqttClient ? mqttClient->protocolVersion() : 0;
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
    std::lock_guard lock(m_impl->mutex);
    m_impl->maxMessageSize = bytes;
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
