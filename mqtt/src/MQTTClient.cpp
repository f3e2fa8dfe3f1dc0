#include <mqttgames/mqtt/MQTTClient.hpp>

#include "CallbackGate.hpp"
#include "MosquittoLibrary.hpp"
#include "VerboseLog.hpp"

#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <vector>

namespace mqtt
{
namespace
{

using Handle = std::shared_ptr<mosquitto>;

std::string describe(int rc, int error)
{
    if (rc == MOSQ_ERR_ERRNO)
        return std::strerror(error);
    return mosquitto_strerror(rc);
}

// A refusal in the words of MQTT 3.1.1's CONNACK, whichever version answered, so that callers can
// tell a refused login the same way on both.
std::string refusal(int reasonCode, bool v5)
{
    if (!v5)
        return mosquitto_connack_string(reasonCode);
    switch (reasonCode)
    {
        case MQTT_RC_UNSUPPORTED_PROTOCOL_VERSION: return mosquitto_connack_string(CONNACK_REFUSED_PROTOCOL_VERSION);
        case MQTT_RC_CLIENTID_NOT_VALID: return mosquitto_connack_string(CONNACK_REFUSED_IDENTIFIER_REJECTED);
        case MQTT_RC_SERVER_UNAVAILABLE: return mosquitto_connack_string(CONNACK_REFUSED_SERVER_UNAVAILABLE);
        case MQTT_RC_BAD_USERNAME_OR_PASSWORD: return mosquitto_connack_string(CONNACK_REFUSED_BAD_USERNAME_PASSWORD);
        case MQTT_RC_NOT_AUTHORIZED: return mosquitto_connack_string(CONNACK_REFUSED_NOT_AUTHORIZED);
        default: return mosquitto_reason_string(reasonCode);
    }
}

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

// Room for the fixed header, the topic and MQTT 5 properties above a message's payload, when the
// broker is told the largest packet we take.
constexpr std::size_t PacketOverhead = 1024;
// How long a polite disconnect may take to get its DISCONNECT out before the socket is closed anyway.
constexpr std::chrono::seconds Linger{2};
// How long disconnect() waits for the reactor to have handed its packets to the kernel.
constexpr std::chrono::milliseconds HandOverWait{80};

enum class Link
{
    Idle,         // no connection, none wanted
    Connecting,   // connect() waits for the broker's answer
    Connected,    // accepted
    Reconnecting, // an accepted connection ended; a new one is tried with backoff
};

// A caller waiting for the broker to acknowledge a (un)subscription.
struct AckWait
{
    std::mutex mutex;
    std::condition_variable answered;
    std::optional<bool> granted;

    void fulfil(bool value)
    {
        {
            std::lock_guard lock(mutex);
            granted = value;
        }
        answered.notify_all();
    }
};

struct Pending
{
    std::vector<std::string> topics; // subscriptions; empty for an unsubscription
    std::shared_ptr<AckWait> wait;
};

struct Callbacks
{
    MQTTClient::MessageCallback message;
    MQTTClient::DetailedMessageCallback detailedMessage;
    MQTTClient::ConnectionCallback connection;
    MQTTClient::SubscribedCallback subscribed;
};

} // namespace

// The client's state. The facade owns one; tasks, timers and socket watches on the reactor hold it
// too, so it lives until its connection is closed on the reactor's thread.
struct MQTTClient::Impl : std::enable_shared_from_this<Impl>
{
    Impl(std::shared_ptr<Reactor> r, MessageCallback callback, std::string user, std::string pass) :
    reactor(std::move(r)),
    username(std::move(user)),
    password(std::move(pass))
    {
        callbacks.message = std::move(callback);
    }

    ~Impl() { closeHandle(); }

    const std::shared_ptr<Reactor> reactor;
    const std::string username;
    const std::string password;
    detail::VerboseLog log{"mqtt"};
    detail::CallbackGate gate;

    // Shared with callers; guarded by `mutex`.
    mutable std::mutex mutex;
    std::condition_variable changed;
    Callbacks callbacks;
    Link link = Link::Idle;
    std::uint64_t session = 0; // counts connect() and disconnect(): a task of an older one does nothing
    std::uint64_t running = 0; // the session the reactor works for; what it reports counts only if current
    std::optional<std::string> outcome; // of the pending connect(): "" accepted, else why not
    std::string lastError;
    std::string localAddress;
    int protocol = 0;
    std::chrono::milliseconds connectTimeout{5000};
    std::chrono::seconds reconnectDelay{1};
    std::chrono::seconds reconnectDelayMax{16};
    std::optional<std::tuple<std::string, std::string, int, bool>> will;
    TlsOptions tls;
    std::size_t maxMessageSize = 64 * 1024;
    bool receiveOwn = true;

    // Reactor thread only.
    Handle handle;
    Reactor::WatchId watchId = 0;
    int watchedFd = -1;
    bool watchingWrite = false;
    Reactor::TimerId connectTimer = 0;
    Reactor::TimerId keepaliveTimer = 0;
    Reactor::TimerId reconnectTimer = 0;
    Reactor::TimerId lingerTimer = 0;
    std::string host;
    int port = 0;
    int keepalive = 60;
    std::string endpoint;
    bool useV5 = true;
    bool everConnected = false; // in this session: a failed attempt is then retried, not reported
    bool leaving = false;       // the handle says goodbye and is closed once DISCONNECT is out
    bool nobodyWaits = false;   // connect() was called on the reactor: a failure is told by callback
    std::chrono::seconds backoff{1};
    std::map<std::string, std::pair<int, bool>> subscriptions; // qos, no local: made again after a reconnect
    std::map<int, Pending> pending;           // by message id
    std::shared_ptr<const Callbacks> active;  // the callbacks of the current session
    std::size_t limit = 64 * 1024;

    static Impl& of(void* userdata) { return *static_cast<Impl*>(userdata); }

    void setError(std::string text)
    {
        std::lock_guard lock(mutex);
        lastError = std::move(text);
    }

    bool isCurrent(std::uint64_t id) const
    {
        std::lock_guard lock(mutex);
        return session == id;
    }

    // Under `mutex`: whether no connect() or disconnect() came since the reactor's session began.
    bool reportsCount() const { return session == running; }

    // --- the socket on the reactor ---------------------------------------------------------------

    // After every call into libmosquitto: it may have opened or closed the socket, or queued packets.
    void sync()
    {
        const int fd = handle ? mosquitto_socket(handle.get()) : -1;
        if (fd != watchedFd)
        {
            if (watchId)
                reactor->unwatch(watchId);
            watchId = 0;
            watchedFd = fd;
            watchingWrite = false;
            if (fd >= 0)
            {
                watchingWrite = mosquitto_want_write(handle.get());
                watchId = reactor->watch(fd, watchingWrite,
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
                reactor->setWantWrite(watchId, want);
            }
        }
    }

    void onSocket(bool readable, bool writable, bool failed)
    {
        if (!handle)
            return;
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

    void cancelTimers()
    {
        for (auto* timer : {&connectTimer, &keepaliveTimer, &lingerTimer})
        {
            if (*timer)
                reactor->cancel(*timer);
            *timer = 0;
        }
    }

    // Lets go of the handle at once; it is destroyed after the current libmosquitto call returns,
    // since a callback may be running inside it.
    void closeHandle()
    {
        cancelTimers();
        if (watchId)
            reactor->unwatch(watchId);
        watchId = 0;
        watchedFd = -1;
        leaving = false;
        if (!handle)
            return;
        for (auto& [mid, request] : pending)
            if (request.wait)
                request.wait->fulfil(false);
        pending.clear();
        if (reactor->onThread())
            reactor->post([dead = std::move(handle)] {});
        handle.reset();
    }

    // --- one connection attempt ------------------------------------------------------------------

    void startAttempt()
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
        connectTimer = reactor->after(timeout,
                                      [self = shared_from_this(), attempt, timeout]
                                      {
                                          self->connectTimer = 0;
                                          if (self->handle == attempt)
                                              self->attemptFailed("no answer from " + self->endpoint + " within " +
                                                                  std::to_string(timeout.count()) + " ms");
                                      });
        sync();
    }

    // Sets up a fresh handle for the attempt; returns why it cannot be, or "".
    std::string configure()
    {
        mosquitto* h = handle.get();
        mosquitto_connect_callback_set(h, &Impl::handleConnect);
        mosquitto_disconnect_callback_set(h, &Impl::handleDisconnect);
        mosquitto_message_callback_set(h, &Impl::handleMessage);
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
            mosquitto_will_set(h, topic.c_str(), static_cast<int>(payload.size()), payload.data(), qos, retain);
        }
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

    // This attempt ends without a connection: the first one of a session reports it to connect(),
    // later ones (reconnects) try again after the backoff.
    void attemptFailed(const std::string& reason)
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

    void scheduleReconnect()
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
        reconnectTimer = reactor->after(delay, [self = shared_from_this()] { self->startAttempt(); });
    }

    void keepAlive()
    {
        keepaliveTimer = reactor->after(std::chrono::seconds(1),
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

    void begin(std::uint64_t id, std::string newHost, int newPort, int newKeepalive, bool async)
    {
        if (!isCurrent(id))
            return; // disconnect() came first
        if (reconnectTimer)
            reactor->cancel(reconnectTimer);
        reconnectTimer = 0;
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

    // Ends the session: DISCONNECT goes out after what was queued before, then the socket closes
    // (at the latest after Linger).
    void end()
    {
        if (reconnectTimer)
            reactor->cancel(reconnectTimer);
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
        const Handle current = handle;
        mosquitto_disconnect(current.get());
        if (handle == current && leaving)
        {
            sync();
            lingerTimer = reactor->after(Linger,
                                         [self = shared_from_this(), current]
                                         {
                                             self->lingerTimer = 0;
                                             if (self->handle == current)
                                                 self->closeHandle();
                                         });
        }
    }

    void publishNow(const std::string& topic, const std::string& payload, int qos, bool retain)
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

    // Subscribes on the current connection; `wait` (if any) hears the broker's answer. `withoutOwn`
    // (MQTT 5's no local) keeps our own publications from coming back.
    void subscribeNow(const std::vector<std::pair<std::string, int>>& topics, bool withoutOwn,
                      const std::shared_ptr<AckWait>& wait)
    {
        for (const auto& [topic, qos] : topics)
            subscriptions[topic] = {qos, withoutOwn};
        std::vector<std::tuple<std::string, int, bool>> requests;
        for (const auto& [topic, qos] : topics)
            requests.emplace_back(topic, qos, withoutOwn);
        sendSubscriptions(requests, wait);
    }

    void sendSubscriptions(const std::vector<std::tuple<std::string, int, bool>>& requests, const std::shared_ptr<AckWait>& wait)
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

    void unsubscribeNow(const std::string& topic, const std::shared_ptr<AckWait>& wait)
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
        pending[mid] = Pending{{}, wait};
        if (handle == current)
            sync();
    }

    // --- libmosquitto's callbacks (reactor thread, inside a libmosquitto call) --------------------

    template <typename F>
    void tell(F&& call)
    {
        gate.run(std::forward<F>(call));
    }

    static void handleConnect(mosquitto* h, void* userdata, int rc)
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
            self.reactor->cancel(self.connectTimer);
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

    // A broker that speaks only 3.1.1 refuses an MQTT 5 CONNECT (or just closes): try 3.1.1 at once.
    void fallBack(const std::string& why)
    {
        log.write(why + ": trying MQTT 3.1.1");
        closeHandle();
        useV5 = false;
        reactor->post([self = shared_from_this()] { self->startAttempt(); });
    }

    static void handleDisconnect(mosquitto* h, void* userdata, int rc)
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

    static void handleMessage(mosquitto* h, void* userdata, const mosquitto_message* message)
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
        if (!callbacks || (!callbacks->detailedMessage && !callbacks->message))
            return;
        // Copied here: libmosquitto frees the message when this callback returns.
        const std::string topic = message->topic ? message->topic : "";
        const std::string payload(static_cast<const char*>(message->payload), size);
        if (self.log.enabled())
            self.log.write("received on '" + topic + "' (" + std::to_string(payload.size()) + " bytes" +
                           (message->retain ? ", retained" : "") + ")");
        self.tell(
            [&]
            {
                try
                {
                    if (callbacks->detailedMessage)
                        callbacks->detailedMessage(topic, payload, message->retain);
                    else
                        callbacks->message(topic, payload);
                }
                catch (const std::exception& e)
                {
                    // An exception must not unwind through libmosquitto's C code.
                    std::fprintf(stderr, "[mqtt] message callback threw: %s\n", e.what());
                }
                catch (...)
                {
                    std::fprintf(stderr, "[mqtt] message callback threw\n");
                }
            });
    }

    static void handleSubscribe(mosquitto* h, void* userdata, int mid, int count, const int* grantedQos)
    {
        Impl& self = of(userdata);
        if (h != self.handle.get())
            return;
        bool granted = count > 0;
        for (int i = 0; i < count; ++i)
            granted = granted && grantedQos[i] >= 0 && grantedQos[i] <= 2;
        const auto found = self.pending.find(mid);
        if (found == self.pending.end())
            return;
        const Pending request = std::move(found->second);
        self.pending.erase(found);
        if (request.wait)
            request.wait->fulfil(granted);
        if (!granted)
            self.setError("the broker refused the subscription");
        const auto callbacks = self.active;
        if (callbacks && callbacks->subscribed)
            for (const auto& topic : request.topics)
                self.tell([&] { callbacks->subscribed(topic, granted); });
    }

    static void handleUnsubscribe(mosquitto* h, void* userdata, int mid)
    {
        Impl& self = of(userdata);
        if (h != self.handle.get())
            return;
        const auto found = self.pending.find(mid);
        if (found == self.pending.end())
            return;
        if (found->second.wait)
            found->second.wait->fulfil(true);
        self.pending.erase(found);
    }

    // --- callers' side ---------------------------------------------------------------------------

    // Runs `task` on the reactor with this client; at once when already there.
    template <typename F>
    void onReactor(F&& task)
    {
        if (reactor->onThread())
            task(*shared_from_this()); // kept alive, should a callback destroy the facade
        else
            reactor->post([self = shared_from_this(), task = std::forward<F>(task)]() mutable { task(*self); });
    }

    bool awaitAck(const std::shared_ptr<AckWait>& wait)
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
};

MQTTClient::MQTTClient(MessageCallback messageReceived, std::string username, std::string password,
                       std::shared_ptr<Reactor> reactor)
{
    detail::ensureMosquittoLibrary();
    m_impl = std::make_shared<Impl>(reactor ? std::move(reactor) : Reactor::shared(), std::move(messageReceived),
                                    std::move(username), std::move(password));
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
        id = ++d.session;
        d.link = Link::Connecting;
        d.outcome.reset();
        d.lastError.clear();
        d.protocol = 0;
        d.localAddress.clear();
        timeout = d.connectTimeout;
    }
    const bool async = d.reactor->onThread();
    d.onReactor([id, host, port, keepalive, async](Impl& self) { self.begin(id, host, port, keepalive, async); });
    if (async)
        return true;

    // The reactor's own connect timer decides; the margin here only guards against a stalled reactor.
    std::unique_lock lock(d.mutex);
    const bool decided = d.changed.wait_for(lock, timeout + std::chrono::seconds(1),
                                            [&] { return d.session != id || d.outcome.has_value(); });
    if (d.session != id)
    {
        d.lastError = "cancelled by disconnect()";
        return false;
    }
    if (!decided)
        d.lastError = "no answer from " + host + ":" + std::to_string(port);
    return decided && d.outcome->empty();
}

void MQTTClient::disconnect()
{
    Impl& d = *m_impl;
    {
        std::lock_guard lock(d.mutex);
        ++d.session;
        if (d.link != Link::Idle)
            d.log.write("disconnecting");
        d.link = Link::Idle;
        d.protocol = 0;
        d.localAddress.clear();
    }
    d.changed.notify_all();
    if (d.reactor->onThread())
    {
        d.end();
        return;
    }
    // Waits briefly for the reactor to hand what was published before to the kernel, so that a
    // program may exit right after; never for the network.
    auto done = std::make_shared<AckWait>();
    d.reactor->post(
        [self = m_impl, done]
        {
            self->end();
            done->fulfil(true);
        });
    std::unique_lock lock(done->mutex);
    done->answered.wait_for(lock, HandOverWait, [&] { return done->granted.has_value(); });
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
    if (d.reactor->onThread())
        d.publishNow(topic, payload, qos, retain);
    else
        d.reactor->post([self = m_impl, topic, payload, qos, retain] { self->publishNow(topic, payload, qos, retain); });
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
        withoutOwn = !d.receiveOwn;
    }
    if (d.reactor->onThread())
    {
        d.subscribeNow(topics, withoutOwn, nullptr); // the acknowledgement arrives on this very thread, later
        return true;
    }
    auto wait = std::make_shared<AckWait>();
    d.reactor->post([self = m_impl, topics, withoutOwn, wait] { self->subscribeNow(topics, withoutOwn, wait); });
    return d.awaitAck(wait);
}

bool MQTTClient::unsubscribe(const std::string& topic)
{
    Impl& d = *m_impl;
    if (!isConnected())
    {
        d.onReactor([topic](Impl& self) { self.subscriptions.erase(topic); });
        d.setError("not connected");
        return false;
    }
    if (d.reactor->onThread())
    {
        d.unsubscribeNow(topic, nullptr);
        return true;
    }
    auto wait = std::make_shared<AckWait>();
    d.reactor->post([self = m_impl, topic, wait] { self->unsubscribeNow(topic, wait); });
    return d.awaitAck(wait);
}

void MQTTClient::setVerbose(bool verbose)
{
    m_impl->log.setEnabled(verbose);
}

void MQTTClient::setConnectTimeout(std::chrono::milliseconds timeout)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->connectTimeout = timeout;
}

void MQTTClient::setWill(const std::string& topic, const std::string& payload, int qos, bool retain)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->will.emplace(topic, payload, qos, retain);
}

void MQTTClient::setTls(const TlsOptions& tls)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->tls = tls;
}

void MQTTClient::setMessageCallback(DetailedMessageCallback callback)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->callbacks.detailedMessage = std::move(callback);
}

void MQTTClient::setConnectionCallback(ConnectionCallback callback)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->callbacks.connection = std::move(callback);
}

void MQTTClient::setSubscribedCallback(SubscribedCallback callback)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->callbacks.subscribed = std::move(callback);
}

void MQTTClient::setReconnectDelay(std::chrono::seconds initial, std::chrono::seconds max)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->reconnectDelay = std::max(initial, std::chrono::seconds(1));
    m_impl->reconnectDelayMax = std::max(max, m_impl->reconnectDelay);
}

void MQTTClient::setMaxMessageSize(std::size_t bytes)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->maxMessageSize = bytes;
}

void MQTTClient::setReceiveOwnMessages(bool receive)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->receiveOwn = receive;
}

bool MQTTClient::isConnected() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->link == Link::Connected;
}

int MQTTClient::protocolVersion() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->protocol;
}

std::string MQTTClient::getLastError() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->lastError;
}

std::string MQTTClient::getLocalAddress() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->localAddress;
}

} // namespace mqtt
