#include "GameClientSession.hpp"

#include <mqttgames/mqtt/GameWire.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>
#include <mqttgames/mqtt/SafeText.hpp>

#include <chrono>
#include <memory>
#include <mutex>
#include <string>

// GameClient's state, the part that finds a partner: our hello, repeated while we wait, the hellos
// of others, and every message on the topic.

namespace mqtt
{

// --- hellos and pairing ----------------------------------------------------------------------

void GameClient::Impl::scheduleAnnounce()
{
    timers.announce = reactor.after(setting(&Settings::announceInterval),
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
    if (!text::isUtf8(payload))
    {
        log.write("ignored a message that is not valid UTF-8");
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

} // namespace mqtt
