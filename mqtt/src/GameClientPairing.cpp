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
    const bool willIsVerifiable = mqttClient->protocolVersion() == 5; // only MQTT 5 wills carry the secret
    std::string hello;
    {
        std::lock_guard lock(mutex);
        if (!shared.trust)
            return;
        wire::Hello fields;
        fields.name = settings.name;
        fields.address = address;
        fields.back = run.resuming;
        fields.to = run.resuming ? shared.partnerId : to;
        fields.terms = settings.terms;
        hello = shared.trust->hello(std::move(fields), willIsVerifiable);
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

void GameClient::Impl::pairWith(const std::string& sender, const std::string& helloText)
{
    const auto hello = wire::parseHello(helloText);
    if (refuseOtherTerms(sender, hello))
        return;
    event::Paired paired;
    {
        std::lock_guard lock(mutex);
        if (shared.state != GameState::Connected || !shared.trust)
            return; // paired already: a third client cannot take over
        const auto pairing = shared.trust->pair(sender, helloText, hello);
        if (pairing == detail::SignedPair::Pairing::Refused)
        {
            log.write("did not pair with " + sender + ": its hello has a malformed key, a tag that does not hold, or not our room password");
            return;
        }
        shared.partnerId = sender;
        shared.partnerName = wire::sanitizeName(hello.name);
        paired = {shared.partnerId, shared.partnerName, id < shared.partnerId, pairing == detail::SignedPair::Pairing::Signed};
    }
    if (!paired.signedMessages)
        log.write("paired with a client that does not sign: anyone on the topic could speak in its name");
    run.resuming = false;
    announce(sender); // the answer, so that the partner pairs with us too; nobody else may take it
    enter(GameState::Ready);
    emit(paired);
}

bool GameClient::Impl::refuseOtherTerms(const std::string& sender, const wire::Hello& hello)
{
    std::optional<event::Mismatch> mismatch;
    {
        std::lock_guard lock(mutex);
        if (hello.terms == settings.terms)
            return false;
        // Told once per player and terms: its hello comes again every few seconds. A stranger
        // sending ever new terms is told a few dozen times, then only logged.
        if (run.mismatchesTold.size() < 64 && run.mismatchesTold.insert(sender + "," + hello.terms.substr(0, 64)).second)
            mismatch = event::Mismatch{wire::sanitizeName(hello.name), text::shortened(text::printable(hello.terms), 20),
                                       settings.terms};
    }
    log.write("did not pair with " + sender + ": it plays by other terms");
    if (mismatch)
        emit(*mismatch);
    return true;
}

void GameClient::Impl::handlePartnerTaken()
{
    {
        std::lock_guard lock(mutex);
        if (shared.state != GameState::Ready)
            return;
        shared.partnerId.clear();
        shared.partnerName.clear();
        shared.trust->unpair();
    }
    log.write("the partner paired with another player: waiting again");
    enter(GameState::Connected);
    emit(event::Waiting{});
    announce();
}

void GameClient::Impl::refuse(const std::string& what, std::string_view text)
{
    const auto now = std::chrono::steady_clock::now();
    if (now - run.refusalsSince >= std::chrono::seconds(1))
    {
        run.refusalsSince = now;
        run.refusalsTold = 0;
    }
    if (++run.refusalsTold > RefusalsPerSecond)
        return log.write("refused " + what);
    const auto message = wire::parseSigned(text);
    const std::string reason =
        what + ": \"" + text::shortened(text::printable(message ? std::string_view(message->text) : text), 40) + "\"";
    log.write("refused " + reason);
    emit(event::Refused{reason});
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
        handleHello(envelope->sender, envelope->text);
    else
        handlePartnerMessage(envelope->sender, envelope->text, info);
}

void GameClient::Impl::handleHello(const std::string& sender, const std::string& text)
{
    const auto hello = wire::parseHello(text);
    if (run.told == GameState::Connecting)
    {
        // A player who announced itself before our subscription was confirmed: keep it, unless it
        // is an answer to someone else (its sender is taken).
        if (!run.earlyHello && (hello.to.empty() || hello.to == id))
            run.earlyHello.emplace(sender, text);
        return;
    }
    bool fromPartner = false;
    auto check = detail::SignedPair::Check::Unchecked;
    {
        std::lock_guard lock(mutex);
        fromPartner = !shared.partnerId.empty() && sender == shared.partnerId;
        if (fromPartner)
            check = shared.trust->checkHello(text, hello);
    }
    if (check == detail::SignedPair::Check::Refused)
        return refuse("a hello in the partner's name that it did not sign", text);
    const bool forSomeoneElse = !hello.to.empty() && hello.to != id;
    if (fromPartner && forSomeoneElse)
    {
        // Only a partner that never signed anything for us yet may have paired with someone else.
        if (check == detail::SignedPair::Check::Unchecked)
            handlePartnerTaken();
    }
    else if (fromPartner)
        handlePartnerHello(hello);
    else if (!forSomeoneElse)
        pairWith(sender, text);
}

void GameClient::Impl::handlePartnerMessage(const std::string& sender, const std::string& text, const MQTTClient::MessageInfo& info)
{
    std::optional<std::string> opened;
    {
        std::lock_guard lock(mutex);
        if (shared.leaving || shared.state != GameState::Ready || sender != shared.partnerId)
            return; // not from our partner (or we are leaving): not for us
        opened = shared.trust->open(text);
        // The will cannot be signed: it shows the secret whose hash the partner's hello announced.
        if (!opened && text == wire::DisconnectText && shared.trust->isPartnersWill(info.willProof))
            opened = text;
    }
    if (!opened)
        return refuse(text == wire::DisconnectText ? "a will in the partner's name without its secret"
                                                   : "a message in the partner's name that it did not sign, or a replay",
                      text);
    if (*opened == wire::DisconnectText)
    {
        enter(GameState::Disconnected);
        emit(event::PartnerLeft{info.fromWill});
        return;
    }
    if (onMessage)
        gate.run([&] { onMessage(*opened); });
    emit(event::Message{*opened});
}

} // namespace mqtt
