#include "GameClientSession.hpp"

#include <mqttgames/mqtt/GameWire.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include <mosquitto.h>

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

// GameClient's state, the part that runs a session: connecting, the proof that we may use the topic,
// what the connection tells, and telling callers the state. Hellos and pairing are in
// GameClientPairing.cpp.

namespace mqtt
{

GameClient::Impl::Impl(std::shared_ptr<Reactor> reactorOwner, StateCallback stateCallback, MessageCallback messageCallback,
                       std::string topicName) :
reactor(reactorOwner->ref()),
owner(reactorOwner),
onState(std::move(stateCallback)),
onMessage(std::move(messageCallback)),
topic(std::move(topicName)),
id(wire::randomId())
{
}

// --- telling ---------------------------------------------------------------------------------

void GameClient::Impl::enter(GameState next)
{
    {
        std::lock_guard lock(mutex);
        if (shared.leaving && next != GameState::Idle)
            return;
        shared.state = next;
    }
    changed.notify_all();
    tellState();
}

void GameClient::Impl::tellState()
{
    GameState now;
    {
        std::lock_guard lock(mutex);
        now = shared.state;
    }
    if (now == run.told)
        return;
    run.told = now;
    log.write(std::string("state ") + toString(now));
    if (onState)
        gate.run([&] { onState(now); });
}

void GameClient::Impl::emit(const GameEvent& event)
{
    {
        std::lock_guard lock(mutex);
        if (shared.leaving)
            return;
    }
    if (run.events)
        gate.run([&] { run.events(event); });
}

std::shared_ptr<MQTTClient> GameClient::Impl::currentClient() const
{
    std::lock_guard lock(mutex);
    return shared.client;
}

// --- the session -----------------------------------------------------------------------------

void GameClient::Impl::begin(std::uint64_t id, const std::string& host, int port)
{
    int seconds = 0;
    std::shared_ptr<MQTTClient> mqttClient;
    std::string willSecret;
    {
        std::lock_guard lock(mutex);
        if (shared.session != id)
            return; // disconnect() came first
        run.session = id;
        run.events = settings.onEvent;
        run.beside = settings.onBeside;
        run.besideFilter = settings.onBeside && !settings.besideFilter.empty() ? topic + "/" + settings.besideFilter : "";
        seconds = settings.keepalive;
        const auto reactorOwner = owner.lock();
        if (!reactorOwner)
            return; // the client is being destroyed
        mqttClient = std::make_shared<MQTTClient>(nullptr, settings.username, settings.password, reactorOwner);
        mqttClient->setVerbose(settings.verbose);
        mqttClient->setConnectTimeout(settings.connectTimeout);
        mqttClient->setTls(settings.tls);
        mqttClient->setMaxMessageSize(settings.maxMessageSize);
        shared.client = mqttClient;
        shared.trust.emplace(this->id, settings.roomPassword);
        willSecret = shared.trust->willSecret();
    }
    run.resuming = false;
    run.earlyHello.reset();
    stopTimers();
    // The partner sees us leave through this will even if we crash or lose the network. It stays
    // the seed's DISCONNECT; the secret that proves it ours travels beside it (MQTT 5).
    mqttClient->setWill(topic, wire::format(wire::DisconnectText, this->id), 0, false, willSecret);
    const std::weak_ptr<Impl> weak = weak_from_this();
    mqttClient->setMessageInfoCallback(
        [weak, id](const std::string& topic, const std::string& payload, const MQTTClient::MessageInfo& info)
        {
            if (const auto self = weak.lock(); self && self->run.session == id)
                topic == self->topic ? self->handleMessage(payload, info) : self->handleBeside(topic, payload);
        });
    mqttClient->setConnectionCallback(
        [weak, id](bool connected, const std::string& reason)
        {
            if (const auto self = weak.lock(); self && self->run.session == id)
                connected ? self->handleConnected() : self->handleConnectionLost(reason);
        });
    mqttClient->setUnsubscribedCallback(
        [weak, id](const std::string& filter)
        {
            if (const auto self = weak.lock(); self && self->run.session == id && filter == self->proofFilter())
                self->becomeWaiting();
        });
    mqttClient->setSubscribedCallback(
        [weak, id](const std::string& topic, bool granted)
        {
            if (const auto self = weak.lock(); self && self->run.session == id)
                self->handleSubscribed(topic, granted);
        });
    enter(GameState::Connecting);
    // On the reactor connect() only starts; the connection callback tells the outcome.
    if (!mqttClient->connect(host, port, seconds))
        fail(mqttClient->getLastError());
}

void GameClient::Impl::fail(const std::string& reason)
{
    stopTimers();
    std::shared_ptr<MQTTClient> mqttClient;
    {
        std::lock_guard lock(mutex);
        shared.lastError = reason;
        mqttClient.swap(shared.client);
    }
    log.write("cannot connect: " + reason);
    mqttClient.reset(); // closes on the reactor; nothing of it is told any more
    enter(GameState::Disconnected);
    emit(event::Failed{reason});
    finishConnect(false);
}

void GameClient::Impl::finishConnect(bool connected)
{
    {
        std::lock_guard lock(mutex);
        if (shared.session == run.session)
            shared.result = connected;
    }
    changed.notify_all();
}

void GameClient::Impl::becomeWaiting()
{
    if (run.told != GameState::Connecting)
        return;
    if (timers.subscribe)
        reactor.cancel(timers.subscribe);
    timers.subscribe = 0;
    enter(GameState::Connected);
    emit(event::Waiting{});
    finishConnect(true);
    scheduleAnnounce();
    if (auto early = std::exchange(run.earlyHello, std::nullopt))
        pairWith(early->first, early->second);
}

void GameClient::Impl::stopTimers()
{
    for (auto* timer : {&timers.announce, &timers.subscribe})
    {
        if (*timer)
            reactor.cancel(*timer);
        *timer = 0;
    }
}

// --- what the connection tells ---------------------------------------------------------------

void GameClient::Impl::handleConnected()
{
    const auto mqttClient = currentClient();
    if (!mqttClient)
        return;
    if (run.told == GameState::Connecting)
    {
        // SUBSCRIBE goes out before the hello on the same connection, and the broker handles a
        // connection's packets in order: our own hello coming back proves that we may read and
        // write the topic (a SUBACK alone does not: brokers grant subscriptions their ACL then
        // filters). Over MQTT 5 the topic is subscribed with "no local", so the broker never sends
        // us our own messages; the proof then comes through a second filter that matches the topic
        // too ("TOPIC/#"), dropped once it came (becomeWaiting()). Changing the options of the one
        // subscription instead would not do: mosquitto 2.0 keeps a subscription's first options.
        const bool v5 = mqttClient->protocolVersion() == 5;
        mqttClient->setReceiveOwnMessages(!v5);
        mqttClient->subscribe(topic, 0);
        if (v5)
        {
            mqttClient->setReceiveOwnMessages(true);
            mqttClient->subscribe(proofFilter(), 0);
        }
        if (!run.besideFilter.empty())
            mqttClient->subscribe(run.besideFilter, 0);
        timers.subscribe = reactor.after(setting(&Settings::connectTimeout),
                                         [self = shared_from_this()]
                                         {
                                             self->timers.subscribe = 0;
                                             if (self->run.told == GameState::Connecting)
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

void GameClient::Impl::handleConnectionLost(const std::string& reason)
{
    if (run.told == GameState::Connecting && timers.subscribe)
        // Some brokers close the connection of a client that publishes where it may not.
        return fail("connected, but the broker closed the connection before our announcement came back (" + reason +
                    "): may we subscribe to '" + topic + "'?");
    if (run.told == GameState::Connecting)
        return fail(reason);
    emit(event::LinkLost{reason});
    {
        std::lock_guard lock(mutex);
        if (shared.partnerId.empty())
            return; // still waiting for a partner: we wait again once we are back
    }
    run.resuming = true; // keep the partner: we ask for it back once we are connected again
    renewWill();
    enter(GameState::Disconnected);
}

void GameClient::Impl::handleBeside(const std::string& topic, const std::string& payload)
{
    bool matches = false;
    if (run.besideFilter.empty() || mosquitto_topic_matches_sub(run.besideFilter.c_str(), topic.c_str(), &matches) != MOSQ_ERR_SUCCESS ||
        !matches)
        return; // the proof filter's catch (MQTT 5), or what a broker sends unasked
    {
        std::lock_guard lock(mutex);
        if (shared.leaving)
            return;
    }
    gate.run([&] { run.beside(topic.substr(this->topic.size() + 1), payload); });
}

void GameClient::Impl::handleSubscribed(const std::string& filter, bool granted)
{
    if (!granted && filter == run.besideFilter)
        return log.write("the broker refused '" + filter + "': nothing comes beside the game");
    if (run.told != GameState::Connecting || granted)
        return;
    if (filter == topic)
        return fail("the broker refused our subscription to '" + topic + "'");
    // A broker that allows the topic but not "TOPIC/#": its SUBACK for the topic is all the proof.
    log.write("the broker refused '" + filter + "': taking its SUBACK for '" + topic + "' as proof");
    becomeWaiting();
}

void GameClient::Impl::renewWill()
{
    std::shared_ptr<MQTTClient> mqttClient;
    std::string secret;
    {
        std::lock_guard lock(mutex);
        if (!shared.client || !shared.trust)
            return;
        mqttClient = shared.client;
        shared.trust->renewWillSecret();
        secret = shared.trust->willSecret();
    }
    mqttClient->setWill(topic, wire::format(wire::DisconnectText, id), 0, false, secret);
}

std::string GameClient::Impl::proofFilter() const
{
    return topic + "/#";
}

// --- callers' side ---------------------------------------------------------------------------

std::uint64_t GameClient::Impl::newSession()
{
    std::lock_guard lock(mutex);
    shared.partnerId.clear();
    shared.partnerName.clear();
    shared.lastError.clear();
    shared.result.reset();
    shared.leaving = false;
    shared.state = GameState::Connecting; // told once the reactor begins
    return ++shared.session;
}

void GameClient::Impl::onReactor(std::function<void(Impl&)> task)
{
    if (reactor.onThread())
        task(*shared_from_this()); // kept alive, should a callback destroy the facade
    else
        reactor.post([self = shared_from_this(), task = std::move(task)] { task(*self); });
}

} // namespace mqtt