#include <mqttgames/mqtt/MQTTClient.hpp>

#include "AckWait.hpp"
#include "HandOver.hpp"
#include "MQTTClientSession.hpp"
#include "MosquittoLibrary.hpp"

#include <mosquitto.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

namespace mqtt
{

using detail::AckWait;
using detail::Link;

MQTTClient::MQTTClient(MessageCallback messageReceived, std::string username, std::string password,
                       std::shared_ptr<Reactor> reactor) :
m_reactor(reactor ? std::move(reactor) : Reactor::shared())
{
    detail::ensureMosquittoLibrary();
    m_impl = std::make_shared<Impl>(m_reactor->ref(), std::move(messageReceived), std::move(username), std::move(password));
}

MQTTClient::~MQTTClient()
{
    m_impl->gate.close();
    disconnect();
}

bool MQTTClient::connect(const std::string& host, int port, int keepalive)
{
    Impl& d = *m_impl;
    if (keepalive < 5)
    {
        d.setError("keepalive must be at least 5 seconds");
        return false;
    }
    if (port < 1 || port > 65535)
    {
        d.setError("invalid port " + std::to_string(port));
        return false;
    }
    std::uint64_t id = 0;
    std::chrono::milliseconds timeout;
    {
        std::lock_guard lock(d.mutex);
        id = ++d.shared.session;
        d.shared.link = Link::Connecting;
        d.shared.outcome.reset();
        d.shared.lastError.clear();
        d.shared.protocol = 0;
        d.shared.localAddress.clear();
        timeout = d.settings.connectTimeout;
    }
    const bool async = d.reactor.onThread();
    d.onReactor([id, host, port, keepalive, async](Impl& self) { self.begin(id, host, port, keepalive, async); });
    if (async)
        return true;

    // The reactor's own connect timer decides; the margin here only guards against a stalled reactor.
    std::unique_lock lock(d.mutex);
    const bool decided = d.changed.wait_for(lock, timeout + std::chrono::seconds(1),
                                            [&] { return d.shared.session != id || d.shared.outcome.has_value(); });
    if (d.shared.session != id)
    {
        d.shared.lastError = "cancelled by disconnect()";
        return false;
    }
    if (!decided)
        d.shared.lastError = "no answer from " + host + ":" + std::to_string(port);
    return decided && d.shared.outcome->empty();
}

void MQTTClient::disconnect()
{
    Impl& d = *m_impl;
    {
        std::lock_guard lock(d.mutex);
        ++d.shared.session;
        if (d.shared.link != Link::Idle)
            d.log.write("disconnecting");
        d.shared.link = Link::Idle;
        d.shared.protocol = 0;
        d.shared.localAddress.clear();
    }
    d.changed.notify_all();
    if (d.reactor.onThread())
    {
        d.end();
        return;
    }
    // Waits briefly for the reactor to hand what was published before to the kernel, so that a
    // program may exit right after; never for the network.
    auto done = std::make_shared<AckWait>();
    d.reactor.post(
        [self = m_impl, done]
        {
            self->end();
            done->fulfil(true);
        });
    std::unique_lock lock(done->mutex);
    done->answered.wait_for(lock, detail::HandOverWait, [&] { return done->granted.has_value(); });
}

bool MQTTClient::publish(const std::string& topic, const std::string& payload, int qos, bool retain)
{
    Impl& d = *m_impl;
    if (qos < 0 || qos > 2)
    {
        d.setError("qos must be 0, 1 or 2, not " + std::to_string(qos));
        return false;
    }
    if (mosquitto_pub_topic_check(topic.c_str()) != MOSQ_ERR_SUCCESS)
    {
        d.setError("invalid topic for publishing: '" + topic + "'");
        return false;
    }
    if (!isConnected())
    {
        d.setError("not connected");
        return false;
    }
    if (d.log.enabled())
        d.log.write("published to '" + topic + "' (" + std::to_string(payload.size()) + " bytes, qos " +
                    std::to_string(qos) + (retain ? ", retained" : "") + ")");
    if (d.reactor.onThread())
        d.publishNow(topic, payload, qos, retain);
    else
        d.reactor.post([self = m_impl, topic, payload, qos, retain] { self->publishNow(topic, payload, qos, retain); });
    return true;
}

bool MQTTClient::publish(const std::string& topic, const char* payload, int qos, bool retain)
{
    return publish(topic, std::string(payload ? payload : ""), qos, retain);
}

bool MQTTClient::subscribe(const std::string& topic, int qos)
{
    return subscribe(std::vector<std::pair<std::string, int>>{{topic, qos}});
}

bool MQTTClient::subscribe(const std::vector<std::pair<std::string, int>>& topics)
{
    Impl& d = *m_impl;
    for (const auto& [topic, qos] : topics)
    {
        if (qos < 0 || qos > 2)
        {
            d.setError("qos must be 0, 1 or 2, not " + std::to_string(qos));
            return false;
        }
        if (mosquitto_sub_topic_check(topic.c_str()) != MOSQ_ERR_SUCCESS)
        {
            d.setError("invalid topic filter: '" + topic + "'");
            return false;
        }
    }
    if (!isConnected())
    {
        d.setError("not connected");
        return false;
    }
    if (topics.empty())
        return true;
    bool withoutOwn = false;
    {
        std::lock_guard lock(d.mutex);
        withoutOwn = !d.settings.receiveOwn;
    }
    if (d.reactor.onThread())
    {
        d.subscribeNow(topics, withoutOwn, nullptr); // the acknowledgement arrives on this very thread, later
        return true;
    }
    auto wait = std::make_shared<AckWait>();
    d.reactor.post([self = m_impl, topics, withoutOwn, wait] { self->subscribeNow(topics, withoutOwn, wait); });
    return d.awaitAck(wait);
}

bool MQTTClient::unsubscribe(const std::string& topic)
{
    Impl& d = *m_impl;
    if (!isConnected())
    {
        d.onReactor([topic](Impl& self) { self.subscriptions.topics.erase(topic); });
        d.setError("not connected");
        return false;
    }
    if (d.reactor.onThread())
    {
        d.unsubscribeNow(topic, nullptr);
        return true;
    }
    auto wait = std::make_shared<AckWait>();
    d.reactor.post([self = m_impl, topic, wait] { self->unsubscribeNow(topic, wait); });
    return d.awaitAck(wait);
}

void MQTTClient::setVerbose(bool verbose)
{
    m_impl->log.setEnabled(verbose);
}

void MQTTClient::setConnectTimeout(std::chrono::milliseconds timeout)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->settings.connectTimeout = timeout;
}

void MQTTClient::setWill(const std::string& topic, const std::string& payload, int qos, bool retain, const std::string& proof)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->settings.will = detail::Will{topic, payload, qos, retain, proof};
}

void MQTTClient::setTls(const TlsOptions& tls)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->settings.tls = tls;
}

void MQTTClient::setMessageInfoCallback(MessageInfoCallback callback)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->shared.callbacks.messageInfo = std::move(callback);
}

void MQTTClient::setMessageCallback(DetailedMessageCallback callback)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->shared.callbacks.detailedMessage = std::move(callback);
}

void MQTTClient::setConnectionCallback(ConnectionCallback callback)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->shared.callbacks.connection = std::move(callback);
}

void MQTTClient::setUnsubscribedCallback(UnsubscribedCallback callback)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->shared.callbacks.unsubscribed = std::move(callback);
}

void MQTTClient::setSubscribedCallback(SubscribedCallback callback)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->shared.callbacks.subscribed = std::move(callback);
}

void MQTTClient::setReconnectDelay(std::chrono::seconds initial, std::chrono::seconds max)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->settings.reconnectDelay = std::max(initial, std::chrono::seconds(1));
    m_impl->settings.reconnectDelayMax = std::max(max, m_impl->settings.reconnectDelay);
}

void MQTTClient::setMaxMessageSize(std::size_t bytes)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->settings.maxMessageSize = bytes;
}

void MQTTClient::setReceiveOwnMessages(bool receive)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->settings.receiveOwn = receive;
}

bool MQTTClient::isConnected() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->shared.link == Link::Connected;
}

int MQTTClient::protocolVersion() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->shared.protocol;
}

std::string MQTTClient::getLastError() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->shared.lastError;
}

std::string MQTTClient::getLocalAddress() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->shared.localAddress;
}

} // namespace mqtt
