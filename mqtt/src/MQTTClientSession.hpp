#pragma once

#include <mqttgames/mqtt/MQTTClient.hpp>

#include "AckWait.hpp"
#include "CallbackGate.hpp"
#include "MosquittoText.hpp"
#include "VerboseLog.hpp"

#include <mosquitto.h>

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace mqtt
{
namespace detail
{

using Handle = std::shared_ptr<mosquitto>;

// Room for the fixed header, the topic and MQTT 5 properties above a message's payload, when the
// broker is told the largest packet we take.
constexpr std::size_t PacketOverhead = 1024;
// The user property that marks our wills, so receivers can tell a crash from a goodbye.
inline constexpr std::pair<const char*, const char*> WillMark{"mqttgames", "will"};
// The user property that carries a will's proof (see MQTTClient::setWill).
inline constexpr const char* WillProofName = "mqttgames-will-proof";

// A last will, as setWill() was given it.
struct Will
{
    std::string topic;
    std::string payload;
    int qos = 0;
    bool retain = false;
    std::string proof;
};
// How long a polite disconnect may take to get its DISCONNECT out before the socket is closed anyway.
constexpr std::chrono::seconds Linger{2};

enum class Link
{
    Idle,         // no connection, none wanted
    Connecting,   // connect() waits for the broker's answer
    Connected,    // accepted
    Reconnecting, // an accepted connection ended; a new one is tried with backoff
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
    MQTTClient::MessageInfoCallback messageInfo;
    MQTTClient::ConnectionCallback connection;
    MQTTClient::SubscribedCallback subscribed;
    MQTTClient::UnsubscribedCallback unsubscribed;
};

} // namespace detail

// The state's files (MQTTClientSession.cpp, MQTTClientRequests.cpp, MQTTClientCallbacks.cpp) use
// these by their short names.
using detail::AckWait;
using detail::Callbacks;
using detail::describe;
using detail::Handle;
using detail::Linger;
using detail::Link;
using detail::PacketOverhead;
using detail::Pending;
using detail::refusal;

// The client's state. The facade owns one; tasks, timers and socket watches on the reactor hold it
// too, so it lives until its connection is closed on the reactor's thread.
struct MQTTClient::Impl : std::enable_shared_from_this<Impl>
{
    // Given at construction, never changed: read without the mutex.
    struct Credentials
    {
        std::string username;
        std::string password;
    };

    // What callers set at any time; guarded by `mutex`. A session takes what it needs as it begins.
    struct Settings
    {
        std::chrono::milliseconds connectTimeout{5000};
        std::chrono::seconds reconnectDelay{1};
        std::chrono::seconds reconnectDelayMax{16};
        std::optional<detail::Will> will;
        TlsOptions tls;
        std::size_t maxMessageSize = 64 * 1024;
        bool receiveOwn = true;
    };

    // What callers wait for and read; guarded by `mutex`.
    struct SharedState
    {
        detail::Callbacks callbacks;
        detail::Link link = detail::Link::Idle;
        std::uint64_t session = 0; // counts connect() and disconnect(): a task of an older one does nothing
        std::uint64_t running = 0; // the session the reactor works for; what it reports counts only if current
        std::optional<std::string> outcome; // of the pending connect(): "" accepted, else why not
        std::string lastError;
        std::string localAddress;
        int protocol = 0;
    };

    // Reactor thread only: the broker of the session, and how we speak to it.
    struct Broker
    {
        std::string host;
        int port = 0;
        int keepalive = 60;
        std::string address; // "host:port", for messages
        bool useV5 = true;
    };

    // Reactor thread only: libmosquitto's handle of the current attempt and the watch on its socket.
    struct Connection
    {
        detail::Handle handle;
        Reactor::WatchId watchId = 0;
        int watchedFd = -1;
        bool watchingWrite = false;
        bool usesTls = false; // of the current handle
        // What libmosquitto logged as errors while this attempt was not yet accepted ("host name
        // verification failed"): the words its return codes leave out ("A TLS error occurred").
        std::string errorLog;
    };

    // Reactor thread only; 0 when not set.
    struct Timers
    {
        Reactor::TimerId connect = 0;
        Reactor::TimerId keepalive = 0;
        Reactor::TimerId reconnect = 0;
        Reactor::TimerId linger = 0;
    };

    // Reactor thread only: how far a polite disconnect has got.
    struct Goodbye
    {
        bool leaving = false; // the handle says goodbye and is closed once DISCONNECT is out
        bool sent = false;    // DISCONNECT written and our side shut: waiting for the broker to close
    };

    // Reactor thread only.
    struct Subscriptions
    {
        std::map<std::string, std::pair<int, bool>> topics; // qos, no local: made again after a reconnect
        std::map<int, detail::Pending> pending;              // by message id
    };

    // Reactor thread only: the session the reactor works for (`shared.running`), as it began and went.
    struct Run
    {
        bool everConnected = false; // a failed attempt is then retried, not reported
        bool nobodyWaits = false;   // connect() was called on the reactor: a failure is told by callback
        std::chrono::seconds backoff{1};
        std::shared_ptr<const detail::Callbacks> callbacks; // taken from `shared` as the session began
        std::size_t messageLimit = 64 * 1024;               // taken from `settings` as the session began
    };

    Impl(Reactor::Ref r, MessageCallback callback, std::string user, std::string pass);

    ~Impl();

    const Reactor::Ref reactor; // reaches the loop; the facade keeps the thread alive
    const Credentials credentials;
    detail::VerboseLog log{"mqtt"};
    detail::CallbackGate gate;

    // Shared with callers; guarded by `mutex`.
    mutable std::mutex mutex;
    std::condition_variable changed;
    Settings settings;
    SharedState shared;

    // Reactor thread only.
    Broker broker;
    Connection connection;
    Timers timers;
    Goodbye goodbye;
    Subscriptions subscriptions;
    Run run;

    static Impl& of(void* userdata);

    void setError(std::string text);

    bool isCurrent(std::uint64_t id) const;

    // Under `mutex`: whether no connect() or disconnect() came since the reactor's session began.
    bool reportsCount() const;

    // --- the socket on the reactor ---------------------------------------------------------------

    // After every call into libmosquitto: it may have opened or closed the socket, or queued packets.
    void sync();

    void onSocket(bool readable, bool writable, bool failed);

    void cancelTimers();

    // Lets go of the handle at once; it is destroyed after the current libmosquitto call returns,
    // since a callback may be running inside it.
    void closeHandle();

    // --- one connection attempt ------------------------------------------------------------------

    void startAttempt();

    // Sets up a fresh handle for the attempt; returns why it cannot be, or "".
    std::string configure();

    // This attempt ends without a connection: the first one of a session reports it to connect(),
    // later ones (reconnects) try again after the backoff.
    void attemptFailed(const std::string& reason);

    // "cannot connect to HOST:PORT: why", from libmosquitto's code and what it logged meanwhile.
    std::string connectFailure(int rc, int error) const;

    void scheduleReconnect();

    void keepAlive();

    // --- what callers ask, run on the reactor ----------------------------------------------------

    void begin(std::uint64_t id, std::string newHost, int newPort, int newKeepalive, bool async);

    // Ends the session: DISCONNECT goes out after what was queued before, then the socket closes
    // (at the latest after Linger).
    void end();
    // Writes DISCONNECT and shuts our side once libmosquitto's queue is out (plain TCP).
    void sendGoodbye();
    // The socket while leaving: the queue written, then DISCONNECT, then input read to the end.
    void finishGoodbye(bool readable, bool writable, bool failed);

    void publishNow(const std::string& topic, const std::string& payload, int qos, bool retain);

    // Subscribes on the current connection; `wait` (if any) hears the broker's answer. `withoutOwn`
    // (MQTT 5's no local) keeps our own publications from coming back.
    void subscribeNow(const std::vector<std::pair<std::string, int>>& topics, bool withoutOwn,
                      const std::shared_ptr<detail::AckWait>& wait);

    void sendSubscriptions(const std::vector<std::tuple<std::string, int, bool>>& requests,
                           const std::shared_ptr<detail::AckWait>& wait);

    void unsubscribeNow(const std::string& topic, const std::shared_ptr<detail::AckWait>& wait);

    // --- libmosquitto's callbacks (reactor thread, inside a libmosquitto call) --------------------

    template <typename F>
    void tell(F&& call)
    {
        gate.run(std::forward<F>(call));
    }

    static void handleConnect(mosquitto* h, void* userdata, int rc);

    // A broker that speaks only 3.1.1 refuses an MQTT 5 CONNECT (or just closes): try 3.1.1 at once.
    void fallBack(const std::string& why);

    static void handleDisconnect(mosquitto* h, void* userdata, int rc);

    // Keeps the error lines of an attempt not yet accepted (Connection::errorLog).
    static void handleLog(mosquitto* h, void* userdata, int level, const char* text);

    static void handleMessage(mosquitto* h, void* userdata, const mosquitto_message* message, const mosquitto_property* properties);

    static void handleSubscribe(mosquitto* h, void* userdata, int mid, int count, const int* grantedQos);

    // The request that (un)subscription `mid` answers, taken off the pending list.
    std::optional<detail::Pending> takePending(int mid);
    static void handleUnsubscribe(mosquitto* h, void* userdata, int mid);

    // --- callers' side ---------------------------------------------------------------------------

    // Runs `task` on the reactor with this client; at once when already there.
    template <typename F>
    void onReactor(F&& task)
    {
        if (reactor.onThread())
            task(*shared_from_this()); // kept alive, should a callback destroy the facade
        else
            reactor.post([self = shared_from_this(), task = std::forward<F>(task)]() mutable { task(*self); });
    }

    bool awaitAck(const std::shared_ptr<detail::AckWait>& wait);
};

} // namespace mqtt
