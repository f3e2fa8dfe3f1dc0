#include "MQTTClientSession.hpp"

#include "MosquittoText.hpp"

#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>

// MQTTClient's state, the part that does what its callers ask, run on the reactor: connect,
// disconnect and the goodbye, publish, subscribe, unsubscribe.

namespace mqtt
{

// --- what callers ask, run on the reactor ----------------------------------------------------

void MQTTClient::Impl::begin(std::uint64_t id, std::string newHost, int newPort, int newKeepalive, bool async)
{
    if (!isCurrent(id))
        return; // disconnect() came first
    end(); // a connection still open says goodbye first, so the broker does not send our will
    broker.host = std::move(newHost);
    broker.port = newPort;
    broker.keepalive = newKeepalive;
    broker.address = broker.host + ":" + std::to_string(broker.port);
    broker.useV5 = true;
    run.everConnected = false;
    run.nobodyWaits = async;
    subscriptions.topics.clear();
    {
        std::lock_guard lock(mutex);
        shared.running = id;
        run.callbacks = std::make_shared<const Callbacks>(shared.callbacks);
        run.backoff = settings.reconnectDelay;
        run.messageLimit = settings.maxMessageSize;
    }
    startAttempt();
}

void MQTTClient::Impl::end()
{
    if (timers.reconnect)
        reactor.cancel(timers.reconnect);
    timers.reconnect = 0;
    subscriptions.topics.clear();
    run.everConnected = false;
    if (!connection.handle)
        return;
    const bool connected = mosquitto_socket(connection.handle.get()) >= 0 && timers.connect == 0;
    if (!connected)
    {
        closeHandle();
        return;
    }
    cancelTimers();
    goodbye.leaving = true;
    goodbye.sent = false;
    const Handle current = connection.handle;
    timers.linger = reactor.after(Linger,
                                  [self = shared_from_this(), current]
                                  {
                                      self->timers.linger = 0;
                                      if (self->connection.handle == current)
                                          self->closeHandle();
                                  });
    if (connection.usesTls)
        mosquitto_disconnect(current.get()); // TLS: libmosquitto must write it (see sendGoodbye)
    else
        sendGoodbye();
    if (connection.handle == current)
        sync();
}

void MQTTClient::Impl::sendGoodbye()
{
    if (!connection.handle || goodbye.sent || mosquitto_want_write(connection.handle.get()))
        return; // onSocket() writes what is queued first, then comes back here
    // Written, and the socket half-closed, by hand: mosquitto_disconnect() closes the socket at once,
    // and a socket closed with unread input is reset (RST), which makes the broker drop what we
    // sent last (this DISCONNECT included) and send our will. Now the broker closes, we read to the end.
    static const char disconnectPacket[] = {'\xE0', '\x00'}; // DISCONNECT, normal: MQTT 3.1.1 and 5 alike
    const int fd = mosquitto_socket(connection.handle.get());
    [[maybe_unused]] const auto sent = ::send(fd, disconnectPacket, sizeof disconnectPacket, MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(fd, SHUT_WR);
    goodbye.sent = true;
}

void MQTTClient::Impl::finishGoodbye(bool readable, bool writable, bool failed)
{
    const Handle current = connection.handle;
    if (!goodbye.sent && (writable || failed))
    {
        mosquitto_loop_write(current.get(), 1);
        if (connection.handle != current)
            return;
        sendGoodbye();
    }
    if (readable || failed) // read also before the goodbye is out: level-triggered input would spin
    {
        const int fd = mosquitto_socket(current.get());
        char discarded[4096];
        for (;;)
        {
            const auto count = ::recv(fd, discarded, sizeof discarded, MSG_DONTWAIT);
            if (count > 0)
                continue;
            if (count < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
                break;
            log.write("disconnected");
            closeHandle(); // the broker closed its side, or the connection broke: done either way
            return;
        }
    }
    sync();
}

void MQTTClient::Impl::publishNow(const std::string& topic, const std::string& payload, int qos, bool retain)
{
    if (!connection.handle)
        return;
    const Handle current = connection.handle;
    const int rc = mosquitto_publish(current.get(), nullptr, topic.c_str(), static_cast<int>(payload.size()),
                                     payload.data(), qos, retain);
    const int error = errno;
    if (rc != MOSQ_ERR_SUCCESS)
        setError("publish failed: " + describe(rc, error));
    if (connection.handle == current)
        sync();
}

void MQTTClient::Impl::subscribeNow(const std::vector<std::pair<std::string, int>>& topics, bool withoutOwn,
                                    const std::shared_ptr<AckWait>& wait)
{
    for (const auto& [topic, qos] : topics)
        subscriptions.topics[topic] = {qos, withoutOwn};
    std::vector<std::tuple<std::string, int, bool>> requests;
    for (const auto& [topic, qos] : topics)
        requests.emplace_back(topic, qos, withoutOwn);
    sendSubscriptions(requests, wait);
}

void MQTTClient::Impl::sendSubscriptions(const std::vector<std::tuple<std::string, int, bool>>& requests,
                                         const std::shared_ptr<AckWait>& wait)
{
    if (!connection.handle || timers.connect != 0)
    {
        if (wait)
            wait->fulfil(false);
        return;
    }
    const Handle current = connection.handle;
    for (std::size_t i = 0; i < requests.size(); ++i)
    {
        const auto& [topic, qos, withoutOwn] = requests[i];
        int mid = 0;
        const int rc = broker.useV5 ? mosquitto_subscribe_v5(current.get(), &mid, topic.c_str(), qos,
                                                             withoutOwn ? MQTT_SUB_OPT_NO_LOCAL : 0, nullptr)
                                    : mosquitto_subscribe(current.get(), &mid, topic.c_str(), qos);
        if (rc != MOSQ_ERR_SUCCESS)
        {
            setError("subscribe to '" + topic + "' failed: " + describe(rc, errno));
            if (wait)
                wait->fulfil(false);
            return;
        }
        log.write("subscribing to '" + topic + "' (qos " + std::to_string(qos) +
                  (withoutOwn && broker.useV5 ? ", no local" : "") + ")");
        // A wait for several topics is answered by the last one's acknowledgement.
        subscriptions.pending[mid] = Pending{{topic}, i + 1 == requests.size() ? wait : nullptr};
    }
    if (connection.handle == current)
        sync();
}

void MQTTClient::Impl::unsubscribeNow(const std::string& topic, const std::shared_ptr<AckWait>& wait)
{
    subscriptions.topics.erase(topic);
    if (!connection.handle || timers.connect != 0)
    {
        if (wait)
            wait->fulfil(false);
        return;
    }
    const Handle current = connection.handle;
    int mid = 0;
    const int rc = mosquitto_unsubscribe(current.get(), &mid, topic.c_str());
    if (rc != MOSQ_ERR_SUCCESS)
    {
        setError("unsubscribe from '" + topic + "' failed: " + describe(rc, errno));
        if (wait)
            wait->fulfil(false);
        return;
    }
    log.write("unsubscribing from '" + topic + "'");
    subscriptions.pending[mid] = Pending{{topic}, wait};
    if (connection.handle == current)
        sync();
}

} // namespace mqtt
