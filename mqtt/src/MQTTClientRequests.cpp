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
    host = std::move(newHost);
    port = newPort;
    keepalive = newKeepalive;
    endpoint = host + ":" + std::to_string(port);
    useV5 = true;
    everConnected = false;
    nobodyWaits = async;
    subscriptions.clear();
    {
        std::lock_guard lock(mutex);
        running = id;
        active = std::make_shared<const Callbacks>(callbacks);
        backoff = reconnectDelay;
        limit = maxMessageSize;
    }
    startAttempt();
}

void MQTTClient::Impl::end()
{
    if (reconnectTimer)
        reactor.cancel(reconnectTimer);
    reconnectTimer = 0;
    subscriptions.clear();
    everConnected = false;
    if (!handle)
        return;
    const bool connected = mosquitto_socket(handle.get()) >= 0 && connectTimer == 0;
    if (!connected)
    {
        closeHandle();
        return;
    }
    cancelTimers();
    leaving = true;
    goodbyeSent = false;
    const Handle current = handle;
    lingerTimer = reactor.after(Linger,
                                 [self = shared_from_this(), current]
                                 {
                                     self->lingerTimer = 0;
                                     if (self->handle == current)
                                         self->closeHandle();
                                 });
    if (usesTls)
        mosquitto_disconnect(current.get()); // TLS: libmosquitto must write it (see sendGoodbye)
    else
        sendGoodbye();
    if (handle == current)
        sync();
}

void MQTTClient::Impl::sendGoodbye()
{
    if (!handle || goodbyeSent || mosquitto_want_write(handle.get()))
        return; // onSocket() writes what is queued first, then comes back here
    // Written, and the socket half-closed, by hand: mosquitto_disconnect() closes the socket at once,
    // and a socket closed with unread input is reset (RST), which makes the broker drop what we
    // sent last (this DISCONNECT included) and send our will. Now the broker closes, we read to the end.
    static const char disconnectPacket[] = {'\xE0', '\x00'}; // DISCONNECT, normal: MQTT 3.1.1 and 5 alike
    const int fd = mosquitto_socket(handle.get());
    [[maybe_unused]] const auto sent = ::send(fd, disconnectPacket, sizeof disconnectPacket, MSG_NOSIGNAL | MSG_DONTWAIT);
    ::shutdown(fd, SHUT_WR);
    goodbyeSent = true;
}

void MQTTClient::Impl::finishGoodbye(bool readable, bool writable, bool failed)
{
    const Handle current = handle;
    if (!goodbyeSent && (writable || failed))
    {
        mosquitto_loop_write(current.get(), 1);
        if (handle != current)
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
    if (!handle)
        return;
    const Handle current = handle;
    const int rc = mosquitto_publish(current.get(), nullptr, topic.c_str(), static_cast<int>(payload.size()),
                                     payload.data(), qos, retain);
    const int error = errno;
    if (rc != MOSQ_ERR_SUCCESS)
        setError("publish failed: " + describe(rc, error));
    if (handle == current)
        sync();
}

void MQTTClient::Impl::subscribeNow(const std::vector<std::pair<std::string, int>>& topics, bool withoutOwn,
                                    const std::shared_ptr<AckWait>& wait)
{
    for (const auto& [topic, qos] : topics)
        subscriptions[topic] = {qos, withoutOwn};
    std::vector<std::tuple<std::string, int, bool>> requests;
    for (const auto& [topic, qos] : topics)
        requests.emplace_back(topic, qos, withoutOwn);
    sendSubscriptions(requests, wait);
}

void MQTTClient::Impl::sendSubscriptions(const std::vector<std::tuple<std::string, int, bool>>& requests,
                                         const std::shared_ptr<AckWait>& wait)
{
    if (!handle || connectTimer != 0)
    {
        if (wait)
            wait->fulfil(false);
        return;
    }
    const Handle current = handle;
    for (std::size_t i = 0; i < requests.size(); ++i)
    {
        const auto& [topic, qos, withoutOwn] = requests[i];
        int mid = 0;
        const int rc = useV5 ? mosquitto_subscribe_v5(current.get(), &mid, topic.c_str(), qos,
                                                      withoutOwn ? MQTT_SUB_OPT_NO_LOCAL : 0, nullptr)
                             : mosquitto_subscribe(current.get(), &mid, topic.c_str(), qos);
        if (rc != MOSQ_ERR_SUCCESS)
        {
            setError("subscribe to '" + topic + "' failed: " + describe(rc, errno));
            if (wait)
                wait->fulfil(false);
            return;
        }
        log.write("subscribing to '" + topic + "' (qos " + std::to_string(qos) + (withoutOwn && useV5 ? ", no local" : "") + ")");
        // A wait for several topics is answered by the last one's acknowledgement.
        pending[mid] = Pending{{topic}, i + 1 == requests.size() ? wait : nullptr};
    }
    if (handle == current)
        sync();
}

void MQTTClient::Impl::unsubscribeNow(const std::string& topic, const std::shared_ptr<AckWait>& wait)
{
    subscriptions.erase(topic);
    if (!handle || connectTimer != 0)
    {
        if (wait)
            wait->fulfil(false);
        return;
    }
    const Handle current = handle;
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
    pending[mid] = Pending{{topic}, wait};
    if (handle == current)
        sync();
}

} // namespace mqtt
