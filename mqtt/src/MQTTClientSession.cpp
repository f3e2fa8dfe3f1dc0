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
credentials{std::move(user), std::move(pass)}
{
    shared.callbacks.message = std::move(callback);
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
    shared.lastError = std::move(text);
}

bool MQTTClient::Impl::isCurrent(std::uint64_t id) const
{
    std::lock_guard lock(mutex);
    return shared.session == id;
}

bool MQTTClient::Impl::reportsCount() const
{
    return shared.session == shared.running;
}

// --- the socket on the reactor ---------------------------------------------------------------

void MQTTClient::Impl::sync()
{
    const int fd = connection.handle ? mosquitto_socket(connection.handle.get()) : -1;
    if (fd != connection.watchedFd)
    {
        if (connection.watchId)
            reactor.unwatch(connection.watchId);
        connection.watchId = 0;
        connection.watchedFd = fd;
        connection.watchingWrite = false;
        if (fd >= 0)
        {
            connection.watchingWrite = mosquitto_want_write(connection.handle.get());
            connection.watchId = reactor.watch(fd, connection.watchingWrite,
                                               [self = shared_from_this()](bool readable, bool writable, bool failed)
                                               { self->onSocket(readable, writable, failed); });
        }
        return;
    }
    if (fd >= 0)
    {
        const bool want = mosquitto_want_write(connection.handle.get());
        if (want != connection.watchingWrite)
        {
            connection.watchingWrite = want;
            reactor.setWantWrite(connection.watchId, want);
        }
    }
}

void MQTTClient::Impl::onSocket(bool readable, bool writable, bool failed)
{
    if (!connection.handle)
        return;
    if (goodbye.leaving && !connection.usesTls)
        return finishGoodbye(readable, writable, failed);
    const Handle current = connection.handle; // a callback may close it meanwhile
    int failure = MOSQ_ERR_SUCCESS;
    int failureErrno = 0;
    if (writable || failed)
    {
        failure = mosquitto_loop_write(current.get(), 1);
        failureErrno = errno;
    }
    if ((readable || failed) && connection.handle == current)
    {
        // One packet per call: read on until the socket is drained, but give other clients a
        // turn after a burst (the socket stays readable, so epoll comes back to us).
        for (int i = 0; i < 64 && connection.handle == current; ++i)
        {
            errno = 0;
            const int rc = mosquitto_loop_read(current.get(), 1);
            if (rc != MOSQ_ERR_SUCCESS)
            {
                failure = rc;
                failureErrno = errno;
            }
            if (rc != MOSQ_ERR_SUCCESS || errno == EAGAIN || errno == EWOULDBLOCK)
                break;
        }
    }
    // libmosquitto 2.0 returns a failed TLS handshake from mosquitto_loop_read() having closed its
    // socket but without calling on_disconnect (sometimes: when the handshake ends there rather
    // than in the connect call). Told as the disconnect it is; else the attempt waited for its
    // timeout and blamed the broker's silence ("no answer").
    if (connection.handle == current && failure != MOSQ_ERR_SUCCESS && mosquitto_socket(current.get()) < 0)
    {
        errno = failureErrno;
        return handleDisconnect(current.get(), this, failure);
    }
    // Answers queued by callbacks go out now rather than after another round of epoll.
    if (connection.handle == current && mosquitto_want_write(current.get()))
        mosquitto_loop_write(current.get(), 1);
    if (connection.handle == current)
        sync();
}

void MQTTClient::Impl::cancelTimers()
{
    for (auto* timer : {&timers.connect, &timers.keepalive, &timers.linger})
    {
        if (*timer)
            reactor.cancel(*timer);
        *timer = 0;
    }
}

void MQTTClient::Impl::closeHandle()
{
    cancelTimers();
    if (connection.watchId)
        reactor.unwatch(connection.watchId);
    connection.watchId = 0;
    connection.watchedFd = -1;
    goodbye.leaving = false;
    if (!connection.handle)
        return;
    for (auto& [mid, request] : subscriptions.pending)
        if (request.wait)
            request.wait->fulfil(false);
    subscriptions.pending.clear();
    if (reactor.onThread())
        reactor.post([dead = std::move(connection.handle)] {});
    connection.handle.reset();
}

// --- one connection attempt ------------------------------------------------------------------

void MQTTClient::Impl::startAttempt()
{
    timers.reconnect = 0;
    closeHandle();
    std::chrono::milliseconds timeout;
    {
        std::lock_guard lock(mutex);
        timeout = settings.connectTimeout;
    }
    mosquitto* raw = mosquitto_new(nullptr, true, this);
    if (!raw)
    {
        attemptFailed("cannot create a libmosquitto client: " + describe(MOSQ_ERR_ERRNO, errno));
        return;
    }
    connection.handle = Handle(raw, mosquitto_destroy);
    const std::string failure = configure();
    if (!failure.empty())
    {
        attemptFailed(failure);
        return;
    }
    log.write("connecting to " + broker.address + (broker.useV5 ? " (MQTT 5)" : " (MQTT 3.1.1)") +
              (credentials.username.empty() ? "" : " as user '" + credentials.username + "'"));
    const int rc =
        mosquitto_connect_bind_async(connection.handle.get(), broker.host.c_str(), broker.port, broker.keepalive, nullptr);
    const int error = errno;
    if (rc != MOSQ_ERR_SUCCESS)
    {
        attemptFailed(connectFailure(rc, error));
        return;
    }
    const Handle attempt = connection.handle;
    timers.connect = reactor.after(timeout,
                                   [self = shared_from_this(), attempt, timeout]
                                   {
                                       self->timers.connect = 0;
                                       if (self->connection.handle == attempt)
                                           self->attemptFailed("no answer from " + self->broker.address + " within " +
                                                               std::to_string(timeout.count()) + " ms");
                                   });
    sync();
}

std::string MQTTClient::Impl::configure()
{
    mosquitto* h = connection.handle.get();
    connection.errorLog.clear();
    mosquitto_log_callback_set(h, &Impl::handleLog); // until the broker accepts: see handleConnect()
    mosquitto_connect_callback_set(h, &Impl::handleConnect);
    mosquitto_disconnect_callback_set(h, &Impl::handleDisconnect);
    mosquitto_message_v5_callback_set(h, &Impl::handleMessage); // also called over 3.1.1, without properties
    mosquitto_subscribe_callback_set(h, &Impl::handleSubscribe);
    mosquitto_unsubscribe_callback_set(h, &Impl::handleUnsubscribe);
    // Without this, a small qos 1 exchange waits on Nagle's algorithm and delayed ACKs.
    mosquitto_int_option(h, MOSQ_OPT_TCP_NODELAY, 1);
    mosquitto_int_option(h, MOSQ_OPT_PROTOCOL_VERSION, broker.useV5 ? MQTT_PROTOCOL_V5 : MQTT_PROTOCOL_V311);
    const auto& [username, password] = credentials;
    if (!username.empty() || !password.empty())
        mosquitto_username_pw_set(h, username.c_str(), password.empty() ? nullptr : password.c_str());
    std::lock_guard lock(mutex);
    if (settings.will)
    {
        const auto& [topic, payload, qos, retain, proof] = *settings.will;
        mosquitto_property* mark = nullptr;
        if (broker.useV5)
        {
            mosquitto_property_add_string_pair(&mark, MQTT_PROP_USER_PROPERTY, detail::WillMark.first, detail::WillMark.second);
            if (!proof.empty())
                mosquitto_property_add_string_pair(&mark, MQTT_PROP_USER_PROPERTY, detail::WillProofName, proof.c_str());
        }
        if (mosquitto_will_set_v5(h, topic.c_str(), static_cast<int>(payload.size()), payload.data(), qos, retain, mark) !=
            MOSQ_ERR_SUCCESS)
            mosquitto_property_free_all(&mark); // the library owns it only when it accepted it
    }
    const TlsOptions& tls = settings.tls;
    connection.usesTls = tls.enabled();
    if (tls.enabled())
    {
        const int rc = mosquitto_tls_set(h, tls.caFile.c_str(), nullptr, tls.certFile.empty() ? nullptr : tls.certFile.c_str(),
                                         tls.keyFile.empty() ? nullptr : tls.keyFile.c_str(), nullptr);
        if (rc != MOSQ_ERR_SUCCESS)
            return "TLS setup failed: " + describe(rc, errno);
        mosquitto_tls_insecure_set(h, !tls.verifyHostname);
    }
    if (broker.useV5)
    {
        // libmosquitto 2.0 has no asynchronous connect that takes CONNECT properties, but keeps
        // those given to mosquitto_connect_bind_v5() for every later (re)connect. That call stores
        // them before it validates its arguments, so an invalid port stores them and connects
        // nowhere; mosquitto_connect_bind_async() then sends them.
        mosquitto_property* properties = nullptr;
        const auto largest = static_cast<std::uint32_t>(std::min<std::size_t>(run.messageLimit + PacketOverhead, 268435455));
        mosquitto_property_add_int32(&properties, MQTT_PROP_MAXIMUM_PACKET_SIZE, largest);
        mosquitto_connect_bind_v5(h, broker.host.c_str(), -1, broker.keepalive, nullptr, properties);
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
        shared.lastError = reason;
        if (!run.everConnected && reportsCount())
        {
            shared.link = Link::Idle;
            shared.outcome = reason;
        }
    }
    changed.notify_all();
    if (run.everConnected)
        return scheduleReconnect();
    const auto callbacks = run.callbacks;
    if (run.nobodyWaits && callbacks && callbacks->connection)
        tell([&] { callbacks->connection(false, reason); });
}

std::string MQTTClient::Impl::connectFailure(int rc, int error) const
{
    std::string why = describe(rc, error);
    if (rc == MOSQ_ERR_CONN_LOST && !connection.usesTls)
        // What a TLS listener does to a plain CONNECT: it closes at the first bytes, without a word.
        why = "the broker closed the connection without answering (does that port expect TLS?)";
    if (!why.empty() && why.back() == '.')
        why.pop_back();
    if (!connection.errorLog.empty())
        why += " (" + connection.errorLog + ")";
    return "cannot connect to " + broker.address + ": " + why;
}

void MQTTClient::Impl::scheduleReconnect()
{
    if (timers.reconnect)
        return;
    const auto delay = run.backoff;
    std::chrono::seconds max;
    {
        std::lock_guard lock(mutex);
        max = settings.reconnectDelayMax;
    }
    run.backoff = std::min(run.backoff * 2, max);
    log.write("reconnecting in " + std::to_string(delay.count()) + " s");
    timers.reconnect = reactor.after(delay, [self = shared_from_this()] { self->startAttempt(); });
}

void MQTTClient::Impl::keepAlive()
{
    timers.keepalive = reactor.after(std::chrono::seconds(1),
                                     [self = shared_from_this()]
                                     {
                                         self->timers.keepalive = 0;
                                         if (!self->connection.handle)
                                             return;
                                         const Handle current = self->connection.handle;
                                         mosquitto_loop_misc(current.get());
                                         if (self->connection.handle == current)
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
        timeout = settings.connectTimeout;
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
        if (shared.lastError.empty())
            shared.lastError = "the broker refused the subscription";
    }
    return *wait->granted;
}

} // namespace mqtt
