#include "GameClientSession.hpp"

#include <mqttgames/mqtt/GameWire.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>

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
    {
        std::lock_guard lock(mutex);
        if (shared.session != id)
            return; // disconnect() came first
        run.session = id;
        run.events = settings.onEvent;
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
    }
    run.resuming = false;
    run.earlyHello.reset();
    stopTimers();
    // The partner sees us leave through this will even if we crash or lose the network.
    mqttClient->setWill(topic, wire::format(wire::DisconnectText, this->id), 0, false);
    const std::weak_ptr<Impl> weak = weak_from_this();
    mqttClient->setMessageInfoCallback(
        [weak, id](const std::string&, const std::string& payload, const MQTTClient::MessageInfo& info)
        {
            if (const auto self = weak.lock(); self && self->run.session == id)
                self->handleMessage(payload, info);
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

void GameClient::Impl::scheduleAnnounce()
{
    std::chrono::milliseconds interval;
    {
        std::lock_guard lock(mutex);
        interval = settings.announceInterval;
    }
    timers.announce = reactor.after(interval,
                                    [self = shared_from_this()]
                                    {
                                        self->timers.announce = 0;
                                        GameState now;
                                        {
                                            std::lock_guard lock(self->mutex);
                                            now = self->shared.state;
                                        }
                                        if (now == GameState::Connected ||
                                            (now == GameState::Disconnected && self->run.resuming))
                                            self->announce();
                                        self->scheduleAnnounce();
                                    });
}

void GameClient::Impl::announce(const std::string& to)
{
    const auto mqttClient = currentClient();
    if (!mqttClient)
        return;
    const std::string address = mqttClient->getLocalAddress();
    std::string hello;
    {
        std::lock_guard lock(mutex);
        hello = wire::makeHello(settings.name, address, run.resuming, run.resuming ? shared.partnerId : to);
    }
    mqttClient->publish(topic, wire::format(hello, id));
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
        std::chrono::milliseconds timeout;
        {
            std::lock_guard lock(mutex);
            timeout = settings.connectTimeout;
        }
        timers.subscribe = reactor.after(timeout,
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
    enter(GameState::Disconnected);
}

void GameClient::Impl::handleSubscribed(const std::string& filter, bool granted)
{
    if (run.told != GameState::Connecting || granted)
        return;
    if (filter == topic)
        return fail("the broker refused our subscription to '" + topic + "'");
    // A broker that allows the topic but not "TOPIC/#": its SUBACK for the topic is all the proof.
    log.write("the broker refused '" + filter + "': taking its SUBACK for '" + topic + "' as proof");
    becomeWaiting();
}

std::string GameClient::Impl::proofFilter() const
{
    return topic + "/#";
}

void GameClient::Impl::handlePartnerHello(const wire::Hello& hello)
{
    std::string answerTo;
    GameState before;
    {
        std::lock_guard lock(mutex);
        before = shared.state;
        if (shared.state == GameState::Ready && !hello.back)
            return;
        answerTo = shared.partnerId;
    }
    run.resuming = false;
    announce(answerTo);
    enter(GameState::Ready);
    if (before != GameState::Ready)
        emit(event::PartnerBack{});
}

void GameClient::Impl::pairWith(const std::string& sender, const wire::Hello& hello)
{
    event::Paired paired;
    {
        std::lock_guard lock(mutex);
        if (shared.state != GameState::Connected)
            return; // paired already: a third client cannot take over
        shared.partnerId = sender;
        shared.partnerName = wire::sanitizeName(hello.name);
        paired = {shared.partnerId, shared.partnerName, id < shared.partnerId};
    }
    run.resuming = false;
    announce(sender); // the answer, so that the partner pairs with us too; nobody else may take it
    enter(GameState::Ready);
    emit(paired);
}

void GameClient::Impl::handlePartnerTaken()
{
    {
        std::lock_guard lock(mutex);
        if (shared.state != GameState::Ready)
            return;
        shared.partnerId.clear();
        shared.partnerName.clear();
    }
    log.write("the partner paired with another player: waiting again");
    enter(GameState::Connected);
    emit(event::Waiting{});
    announce();
}

void GameClient::Impl::handleMessage(const std::string& payload, const MQTTClient::MessageInfo& info)
{
    if (info.retained)
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
        // Our own hello came back: the subscription is in place, we are really waiting now. Over
        // MQTT 5 once the proof's filter is gone (its UNSUBACK calls becomeWaiting()), so that
        // nothing comes twice while we wait; hellos meanwhile are kept as early ones.
        if (!isHello || run.told != GameState::Connecting)
            return;
        if (const auto mqttClient = currentClient(); mqttClient && mqttClient->protocolVersion() == 5)
            mqttClient->unsubscribe(proofFilter());
        else
            becomeWaiting();
        return;
    }

    if (isHello)
    {
        const auto hello = wire::parseHello(envelope->text);
        if (run.told == GameState::Connecting)
        {
            // A player who announced itself before our subscription was confirmed: keep it,
            // unless it is an answer to someone else (its sender is taken).
            if (!run.earlyHello && (hello.to.empty() || hello.to == id))
                run.earlyHello.emplace(envelope->sender, hello);
            return;
        }
        bool fromPartner = false;
        {
            std::lock_guard lock(mutex);
            fromPartner = !shared.partnerId.empty() && envelope->sender == shared.partnerId;
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
        if (shared.leaving || shared.state != GameState::Ready || envelope->sender != shared.partnerId)
            return; // not from our partner (or we are leaving): not for us
    }
    if (envelope->text == wire::DisconnectText)
    {
        enter(GameState::Disconnected);
        emit(event::PartnerLeft{info.fromWill});
        return;
    }
    if (onMessage)
        gate.run([&] { onMessage(envelope->text); });
    emit(event::Message{envelope->text});
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
