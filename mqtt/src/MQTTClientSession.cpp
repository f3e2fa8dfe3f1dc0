#include "MQTTClientSession.hpp"

#include "MosquittoText.hpp"

#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <exception>

// MQTTClient's state on the reactor: the socket, one connection attempt, reconnects, keepalive, and
// the callers' waits. What callers ask is in MQTTClientRequests.cpp, libmosquitto's callbacks in
// MQTTClientCallbacks.cpp.

namespace mqtt
{

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
            mosquitto_property_add_string_pair(&mark, MQTT_PROP_USER_PROPERTY, detail::WillMark.first, detail::WillMark.second);
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
