#include "MQTTClientSession.hpp"

#include "MosquittoText.hpp"

#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstdlib>
#include <string_view>
#include <cerrno>
#include <cstdio>
#include <exception>

namespace mqtt
{
namespace
{

std::string localAddressOf(int fd)
{
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (fd < 0 || getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        return "";
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&address)->sin_addr, text, sizeof text);
    else if (address.ss_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&address)->sin6_addr, text, sizeof text);
    return text;
}

// The user property that marks our wills, so receivers can tell a crash from a goodbye.
const std::pair<const char*, const char*> WillMark{"mqttgames", "will"};

bool isWill(const mosquitto_property* properties)
{
    bool found = false;
    for (bool skip = false;; skip = true)
    {
        char* name = nullptr;
        char* value = nullptr;
        properties = mosquitto_property_read_string_pair(properties, MQTT_PROP_USER_PROPERTY, &name, &value, skip);
        if (!properties)
            return found;
        found = found || (std::string_view(name) == WillMark.first && std::string_view(value) == WillMark.second);
        std::free(name);
        std::free(value);
    }
}

} // namespace

using detail::AckWait;
using detail::Callbacks;
using detail::describe;
using detail::Handle;
using detail::Linger;
using detail::Link;
using detail::PacketOverhead;
using detail::Pending;
using detail::refusal;

MQTTClient::Impl::Impl(Reactor::Ref r, MessageCallback callback, std::string user, std::string pass) :
reactor(std::move(r)),
username(std::move(user)),
password(std::move(pass))
{
    callbacks.message = std::move(callback);
}

MQTTClient::Impl::~Impl()
{
    closeHandle();
}

MQTTClient::Impl& MQTTClient::Impl::of(void* userdata)
{
    return *static_cast<Impl*>(userdata);
}

void MQTTClient::Impl::setError(std::string text)
{
    std::lock_guard lock(mutex);
    lastError = std::move(text);
}

bool MQTTClient::Impl::isCurrent(std::uint64_t id) const
{
    std::lock_guard lock(mutex);
    return session == id;
}

bool MQTTClient::Impl::reportsCount() const
{
    return session == running;
}

// --- the socket on the reactor ---------------------------------------------------------------

void MQTTClient::Impl::sync()
{
    const int fd = handle ? mosquitto_socket(handle.get()) : -1;
    if (fd != watchedFd)
    {
        if (watchId)
            reactor.unwatch(watchId);
        watchId = 0;
        watchedFd = fd;
        watchingWrite = false;
        if (fd >= 0)
        {
            watchingWrite = mosquitto_want_write(handle.get());
            watchId = reactor.watch(fd, watchingWrite,
                                     [self = shared_from_this()](bool readable, bool writable, bool failed)
                                     { self->onSocket(readable, writable, failed); });
        }
        return;
    }
    if (fd >= 0)
    {
        const bool want = mosquitto_want_write(handle.get());
        if (want != watchingWrite)
        {
            watchingWrite = want;
            reactor.setWantWrite(watchId, want);
        }
    }
}

void MQTTClient::Impl::onSocket(bool readable, bool writable, bool failed)
{
    if (!handle)
        return;
    if (leaving && !usesTls)
        return finishGoodbye(readable, writable, failed);
    const Handle current = handle; // a callback may close it meanwhile
    if (writable || failed)
        mosquitto_loop_write(current.get(), 1);
    if ((readable || failed) && handle == current)
    {
        // One packet per call: read on until the socket is drained, but give other clients a
        // turn after a burst (the socket stays readable, so epoll comes back to us).
        for (int i = 0; i < 64 && handle == current; ++i)
        {
            errno = 0;
            if (mosquitto_loop_read(current.get(), 1) != MOSQ_ERR_SUCCESS || errno == EAGAIN || errno == EWOULDBLOCK)
                break;
        }
    }
    // Answers queued by callbacks go out now rather than after another round of epoll.
    if (handle == current && mosquitto_want_write(current.get()))
        mosquitto_loop_write(current.get(), 1);
    if (handle == current)
        sync();
}

void MQTTClient::Impl::cancelTimers()
{
    for (auto* timer : {&connectTimer, &keepaliveTimer, &lingerTimer})
    {
        if (*timer)
            reactor.cancel(*timer);
        *timer = 0;
    }
}

void MQTTClient::Impl::closeHandle()
{
    cancelTimers();
    if (watchId)
        reactor.unwatch(watchId);
    watchId = 0;
    watchedFd = -1;
    leaving = false;
    if (!handle)
        return;
    for (auto& [mid, request] : pending)
        if (request.wait)
            request.wait->fulfil(false);
    pending.clear();
    if (reactor.onThread())
        reactor.post([dead = std::move(handle)] {});
    handle.reset();
}

// --- one connection attempt ------------------------------------------------------------------

void MQTTClient::Impl::startAttempt()
{
    reconnectTimer = 0;
    closeHandle();
    std::chrono::milliseconds timeout;
    {
        std::lock_guard lock(mutex);
        timeout = connectTimeout;
    }
    mosquitto* raw = mosquitto_new(nullptr, true, this);
    if (!raw)
    {
        attemptFailed("cannot create a libmosquitto client: " + describe(MOSQ_ERR_ERRNO, errno));
        return;
    }
    handle = Handle(raw, mosquitto_destroy);
    const std::string failure = configure();
    if (!failure.empty())
    {
        attemptFailed(failure);
        return;
    }
    log.write("connecting to " + endpoint + (useV5 ? " (MQTT 5)" : " (MQTT 3.1.1)") +
              (username.empty() ? "" : " as user '" + username + "'"));
    const int rc = mosquitto_connect_bind_async(handle.get(), host.c_str(), port, keepalive, nullptr);
    const int error = errno;
    if (rc != MOSQ_ERR_SUCCESS)
    {
        attemptFailed("cannot connect to " + endpoint + ": " + describe(rc, error));
        return;
    }
    const Handle attempt = handle;
    connectTimer = reactor.after(timeout,
                                  [self = shared_from_this(), attempt, timeout]
                                  {
                                      self->connectTimer = 0;
                                      if (self->handle == attempt)
                                          self->attemptFailed("no answer from " + self->endpoint + " within " +
                                                              std::to_string(timeout.count()) + " ms");
                                  });
    sync();
}

std::string MQTTClient::Impl::configure()
{
    mosquitto* h = handle.get();
    mosquitto_connect_callback_set(h, &Impl::handleConnect);
    mosquitto_disconnect_callback_set(h, &Impl::handleDisconnect);
    mosquitto_message_v5_callback_set(h, &Impl::handleMessage); // also called over 3.1.1, without properties
    mosquitto_subscribe_callback_set(h, &Impl::handleSubscribe);
    mosquitto_unsubscribe_callback_set(h, &Impl::handleUnsubscribe);
    // Without this, a small qos 1 exchange waits on Nagle's algorithm and delayed ACKs.
    mosquitto_int_option(h, MOSQ_OPT_TCP_NODELAY, 1);
    mosquitto_int_option(h, MOSQ_OPT_PROTOCOL_VERSION, useV5 ? MQTT_PROTOCOL_V5 : MQTT_PROTOCOL_V311);
    if (!username.empty() || !password.empty())
        mosquitto_username_pw_set(h, username.c_str(), password.empty() ? nullptr : password.c_str());
    std::lock_guard lock(mutex);
    if (will)
    {
        const auto& [topic, payload, qos, retain] = *will;
        mosquitto_property* mark = nullptr;
        if (useV5)
            mosquitto_property_add_string_pair(&mark, MQTT_PROP_USER_PROPERTY, WillMark.first, WillMark.second);
        if (mosquitto_will_set_v5(h, topic.c_str(), static_cast<int>(payload.size()), payload.data(), qos, retain, mark) !=
            MOSQ_ERR_SUCCESS)
            mosquitto_property_free_all(&mark); // the library owns it only when it accepted it
    }
    usesTls = tls.enabled();
    if (tls.enabled())
    {
        const int rc = mosquitto_tls_set(h, tls.caFile.c_str(), nullptr, tls.certFile.empty() ? nullptr : tls.certFile.c_str(),
                                         tls.keyFile.empty() ? nullptr : tls.keyFile.c_str(), nullptr);
        if (rc != MOSQ_ERR_SUCCESS)
            return "TLS setup failed: " + describe(rc, errno);
        mosquitto_tls_insecure_set(h, !tls.verifyHostname);
    }
    if (useV5)
    {
        // libmosquitto 2.0 has no asynchronous connect that takes CONNECT properties, but keeps
        // those given to mosquitto_connect_bind_v5() for every later (re)connect. That call stores
        // them before it validates its arguments, so an invalid port stores them and connects
        // nowhere; mosquitto_connect_bind_async() then sends them.
        mosquitto_property* properties = nullptr;
        const auto largest = static_cast<std::uint32_t>(std::min<std::size_t>(limit + PacketOverhead, 268435455));
        mosquitto_property_add_int32(&properties, MQTT_PROP_MAXIMUM_PACKET_SIZE, largest);
        mosquitto_connect_bind_v5(h, host.c_str(), -1, keepalive, nullptr, properties);
        mosquitto_property_free_all(&properties);
    }
    return "";
}

void MQTTClient::Impl::attemptFailed(const std::string& reason)
{
    closeHandle();
    log.write(reason);
    {
        std::lock_guard lock(mutex);
        lastError = reason;
        if (!everConnected && reportsCount())
        {
            link = Link::Idle;
            outcome = reason;
        }
    }
    changed.notify_all();
    if (everConnected)
        return scheduleReconnect();
    const auto callbacks = active;
    if (nobodyWaits && callbacks && callbacks->connection)
        tell([&] { callbacks->connection(false, reason); });
}

void MQTTClient::Impl::scheduleReconnect()
{
    if (reconnectTimer)
        return;
    const auto delay = backoff;
    std::chrono::seconds max;
    {
        std::lock_guard lock(mutex);
        max = reconnectDelayMax;
    }
    backoff = std::min(backoff * 2, max);
    log.write("reconnecting in " + std::to_string(delay.count()) + " s");
    reconnectTimer = reactor.after(delay, [self = shared_from_this()] { self->startAttempt(); });
}

void MQTTClient::Impl::keepAlive()
{
    keepaliveTimer = reactor.after(std::chrono::seconds(1),
                                    [self = shared_from_this()]
                                    {
                                        self->keepaliveTimer = 0;
                                        if (!self->handle)
                                            return;
                                        const Handle current = self->handle;
                                        mosquitto_loop_misc(current.get());
                                        if (self->handle == current)
                                        {
                                            self->sync();
                                            self->keepAlive();
                                        }
                                    });
}

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

// --- libmosquitto's callbacks (reactor thread, inside a libmosquitto call) --------------------

void MQTTClient::Impl::handleConnect(mosquitto* h, void* userdata, int rc)
{
    Impl& self = of(userdata);
    if (h != self.handle.get())
        return;
    if (rc != 0)
    {
        if (self.useV5 && (rc == MQTT_RC_UNSUPPORTED_PROTOCOL_VERSION || rc == CONNACK_REFUSED_PROTOCOL_VERSION))
            return self.fallBack("the broker refused MQTT 5");
        self.attemptFailed("cannot connect to " + self.endpoint + ": " + refusal(rc, self.useV5));
        return;
    }
    if (self.connectTimer)
        self.reactor.cancel(self.connectTimer);
    self.connectTimer = 0;
    const bool reconnected = self.everConnected;
    self.everConnected = true;
    {
        std::lock_guard lock(self.mutex);
        if (self.reportsCount())
        {
            self.link = Link::Connected;
            self.protocol = self.useV5 ? 5 : 4;
            self.localAddress = localAddressOf(mosquitto_socket(h));
            self.outcome = "";
        }
        self.backoff = self.reconnectDelay;
    }
    self.changed.notify_all();
    self.log.write((reconnected ? "reconnected to " : "connected to ") + self.endpoint +
                   (self.useV5 ? " (MQTT 5)" : " (MQTT 3.1.1)"));
    self.keepAlive();
    // Subscriptions are made again here, before anything else is sent on the new connection.
    std::vector<std::tuple<std::string, int, bool>> again;
    for (const auto& [topic, options] : self.subscriptions)
        again.emplace_back(topic, options.first, options.second);
    if (!again.empty())
        self.sendSubscriptions(again, nullptr);
    const auto callbacks = self.active;
    if (callbacks && callbacks->connection)
        self.tell([&] { callbacks->connection(true, reconnected ? "reconnected" : "connected"); });
}

void MQTTClient::Impl::fallBack(const std::string& why)
{
    log.write(why + ": trying MQTT 3.1.1");
    closeHandle();
    useV5 = false;
    reactor.post([self = shared_from_this()] { self->startAttempt(); });
}

void MQTTClient::Impl::handleDisconnect(mosquitto* h, void* userdata, int rc)
{
    const int error = errno;
    Impl& self = of(userdata);
    if (h != self.handle.get())
        return;
    if (self.leaving)
    {
        self.log.write("disconnected");
        self.closeHandle();
        return;
    }
    if (self.connectTimer != 0)
    {
        // No CONNACK yet. A broker that speaks only 3.1.1 may close instead of refusing.
        if (self.useV5 && (rc == MOSQ_ERR_CONN_LOST || rc == MOSQ_ERR_PROTOCOL))
            return self.fallBack("the broker closed the connection to an MQTT 5 CONNECT");
        self.attemptFailed("cannot connect to " + self.endpoint + ": " + describe(rc, error));
        return;
    }
    const std::string reason = "connection lost: " + (rc == 0 ? std::string("closed by the broker") : describe(rc, error));
    self.closeHandle();
    {
        std::lock_guard lock(self.mutex);
        if (self.reportsCount())
        {
            self.link = Link::Reconnecting;
            self.protocol = 0;
            self.localAddress.clear();
        }
        self.lastError = reason;
    }
    self.changed.notify_all();
    self.log.write(reason);
    self.scheduleReconnect();
    const auto callbacks = self.active;
    if (callbacks && callbacks->connection)
        self.tell([&] { callbacks->connection(false, reason); });
}

void MQTTClient::Impl::handleMessage(mosquitto* h, void* userdata, const mosquitto_message* message,
                                     const mosquitto_property* properties)
{
    Impl& self = of(userdata);
    if (h != self.handle.get())
        return;
    const auto size = static_cast<std::size_t>(std::max(message->payloadlen, 0));
    if (size > self.limit)
    {
        self.log.write("ignored a message of " + std::to_string(size) + " bytes: larger than the limit");
        return;
    }
    const auto callbacks = self.active;
    if (!callbacks || (!callbacks->messageInfo && !callbacks->detailedMessage && !callbacks->message))
        return;
    MQTTClient::MessageInfo info;
    info.retained = message->retain;
    info.fromWill = isWill(properties);
    // Copied here: libmosquitto frees the message when this callback returns.
    const std::string topic = message->topic ? message->topic : "";
    const std::string payload(static_cast<const char*>(message->payload), size);
    if (self.log.enabled())
        self.log.write("received on '" + topic + "' (" + std::to_string(payload.size()) + " bytes" +
                       (message->retain ? ", retained" : "") + ")");
    self.tell(
        [&]
        {
            if (callbacks->messageInfo)
                callbacks->messageInfo(topic, payload, info);
            else if (callbacks->detailedMessage)
                callbacks->detailedMessage(topic, payload, message->retain);
            else
                callbacks->message(topic, payload);
        });
}

void MQTTClient::Impl::handleSubscribe(mosquitto* h, void* userdata, int mid, int count, const int* grantedQos)
{
    Impl& self = of(userdata);
    if (h != self.handle.get())
        return;
    bool granted = count > 0;
    for (int i = 0; i < count; ++i)
        granted = granted && grantedQos[i] >= 0 && grantedQos[i] <= 2;
    const auto taken = self.takePending(mid);
    if (!taken)
        return;
    const Pending& request = *taken;
    if (request.wait)
        request.wait->fulfil(granted);
    if (!granted)
        self.setError("the broker refused the subscription");
    const auto callbacks = self.active;
    if (callbacks && callbacks->subscribed)
        for (const auto& topic : request.topics)
            self.tell([&] { callbacks->subscribed(topic, granted); });
}

std::optional<Pending> MQTTClient::Impl::takePending(int mid)
{
    const auto found = pending.find(mid);
    if (found == pending.end())
        return std::nullopt;
    Pending request = std::move(found->second);
    pending.erase(found);
    return request;
}

void MQTTClient::Impl::handleUnsubscribe(mosquitto* h, void* userdata, int mid)
{
    Impl& self = of(userdata);
    if (h != self.handle.get())
        return;
    const auto taken = self.takePending(mid);
    if (!taken)
        return;
    const Pending& request = *taken;
    if (request.wait)
        request.wait->fulfil(true);
    const auto callbacks = self.active;
    if (callbacks && callbacks->unsubscribed)
        for (const auto& topic : request.topics)
            self.tell([&] { callbacks->unsubscribed(topic); });
}

// --- callers' side ---------------------------------------------------------------------------

bool MQTTClient::Impl::awaitAck(const std::shared_ptr<AckWait>& wait)
{
    std::chrono::milliseconds timeout;
    {
        std::lock_guard lock(mutex);
        timeout = connectTimeout;
    }
    std::unique_lock lock(wait->mutex);
    if (!wait->answered.wait_for(lock, timeout, [&] { return wait->granted.has_value(); }))
    {
        lock.unlock();
        setError("the broker did not answer in time");
        return false;
    }
    if (!*wait->granted)
    {
        lock.unlock();
        std::lock_guard guard(mutex);
        if (lastError.empty())
            lastError = "the broker refused the subscription";
    }
    return *wait->granted;
}

} // namespace mqtt
