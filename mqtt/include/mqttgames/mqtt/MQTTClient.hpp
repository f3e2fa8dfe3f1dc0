#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <mqttgames/mqtt/NumberText.hpp>
#include <mqttgames/mqtt/Reactor.hpp>
#include <mqttgames/mqtt/TlsOptions.hpp>

namespace mqtt
{

/// A client that publishes and/or subscribes, after the seed library's MQTTClient.
/// It speaks MQTT 5 where the broker does and 3.1.1 where not, and runs on a Reactor shared with
/// every other client of the process: no thread of its own. Every method may be called from any
/// thread, also from the client's own callbacks (disconnect and destruction included). Callbacks
/// run on the reactor's thread (wrap them with EventQueue::post to run them on the main loop).
/// Nothing waits for the network except connect(), subscribe() and unsubscribe(), and those only
/// off the reactor's thread.
class MQTTClient
{
public:
    /// topic, payload. Called for every message received, on the network thread.
    using MessageCallback = std::function<void(const std::string& topic, const std::string& message)>;
    /// Like MessageCallback, with the message's retain flag (true for a message stored by the broker
    /// before we subscribed).
    using DetailedMessageCallback = std::function<void(const std::string& topic, const std::string& message, bool retained)>;
    /// true after every (re)connection the broker accepted, false when an established connection is
    /// lost or closed, or when a connect() called on the reactor's thread failed; the text says why.
    using ConnectionCallback = std::function<void(bool connected, const std::string& reason)>;
    /// What else is known of a received message.
    struct MessageInfo
    {
        bool retained = false; ///< stored by the broker before we subscribed
        bool fromWill = false; ///< the will of an MQTTClient whose connection vanished (MQTT 5 only)
        std::string willProof; ///< what that will's sender gave setWill() as `proof` (MQTT 5 only)
    };
    using MessageInfoCallback = std::function<void(const std::string& topic, const std::string& message, const MessageInfo& info)>;
    /// The broker's answer to a subscription (also to those made again after a reconnect).
    using SubscribedCallback = std::function<void(const std::string& topic, bool granted)>;
    /// The broker's answer to an unsubscription: nothing more comes through that filter.
    using UnsubscribedCallback = std::function<void(const std::string& topic)>;

    /// Makes a client; it does not connect yet. Without a callback it publishes only.
    /// Empty username and password log in anonymously. Runs on `reactor` (default: the shared one).
    explicit MQTTClient(MessageCallback messageReceived = nullptr, std::string username = "", std::string password = "",
                        std::shared_ptr<Reactor> reactor = nullptr);
    MQTTClient(const MQTTClient&) = delete;
    MQTTClient& operator=(const MQTTClient&) = delete;
    /// Disconnects (see disconnect()); no callback runs once it has returned.
    ~MQTTClient();

    /// Connects. True only once the broker accepted the connection; false (with getLastError())
    /// when it refused, rejected the login, or did not answer within the connect timeout, or when
    /// disconnect() cancelled it. Reconnects by itself, with backoff, whenever an accepted connection
    /// ends for any reason. Tries MQTT 5 first and falls back to 3.1.1 when the broker refuses it.
    /// Called on the reactor's thread (from a callback) it does not wait: true means "started", and
    /// the connection callback tells the outcome.
    bool connect(const std::string& host, int port = 1883, int keepalive = 60);
    /// Ends the connection politely (so no will is sent) after what was published before; cancels a
    /// connect or reconnect in flight. Returns at once: it never waits for the network.
    void disconnect();

    /// Queues a message for sending; never waits for the network. False (with getLastError()) when
    /// not connected, or the topic, qos or payload is invalid.
    bool publish(const std::string& topic, const std::string& payload, int qos = 0, bool retain = false);
    bool publish(const std::string& topic, const char* payload, int qos = 0, bool retain = false);
    /// Numbers are sent as text in their shortest form that reads back the same: 42, 2.5, 0.1.
    template <typename Number, typename = std::enable_if_t<std::is_arithmetic_v<Number>>>
    bool publish(const std::string& topic, Number payload, int qos = 0, bool retain = false)
    {
        return publish(topic, numberToText(payload), qos, retain);
    }

    /// Subscribes to one topic (wildcards allowed). Off the reactor's thread it waits (up to the connect
    /// timeout) for the broker's acknowledgement, so messages published afterwards are received.
    /// Subscriptions are remembered and made again after a reconnect.
    bool subscribe(const std::string& topic, int qos = 0);
    /// Subscribes to several (topic, qos) pairs at once; waits as the single form does.
    bool subscribe(const std::vector<std::pair<std::string, int>>& topics);
    /// Ends a subscription, also for later reconnects. Off the reactor's thread it waits (up to the
    /// connect timeout) for the broker's acknowledgement. False when not connected.
    bool unsubscribe(const std::string& topic);

    /// Turns log output to stderr on or off (prefixed "[mqtt]", never showing the password).
    void setVerbose(bool verbose);

    /// How long connect() and subscribe() wait for the broker (default 5 s).
    void setConnectTimeout(std::chrono::milliseconds timeout);
    /// Registers a last will, sent by the broker when this client vanishes without disconnecting.
    /// Over MQTT 5 it carries a mark that receivers see as MessageInfo::fromWill, and `proof`, which
    /// they see as MessageInfo::willProof (a secret that shows the will is ours). Takes effect at
    /// the next connection attempt, reconnects included.
    void setWill(const std::string& topic, const std::string& payload, int qos = 0, bool retain = false,
                 const std::string& proof = {});
    /// Encrypts the connection. Takes effect at the next connect().
    void setTls(const TlsOptions& tls);
    /// Also delivers the retain flag; replaces the constructor's callback. Network thread, like it.
    void setMessageCallback(DetailedMessageCallback callback);
    /// Also tells whether a message is a will (see MessageInfo); replaces the other callbacks.
    void setMessageInfoCallback(MessageInfoCallback callback);
    /// Called on every connection change; set before connect().
    void setConnectionCallback(ConnectionCallback callback);
    /// Called with the broker's answer to each subscription; set before connect().
    void setSubscribedCallback(SubscribedCallback callback);
    /// Called with the broker's answer to each unsubscription; set before connect().
    void setUnsubscribedCallback(UnsubscribedCallback callback);
    /// Delay before the first automatic reconnect, doubled after each failure up to `max`.
    void setReconnectDelay(std::chrono::seconds initial, std::chrono::seconds max);
    /// Longer incoming payloads are dropped (default 64 KiB). Over MQTT 5 the broker is told the
    /// largest packet we take, so it never sends a larger one. Takes effect at the next connect().
    void setMaxMessageSize(std::size_t bytes);
    /// false: our own publications are not sent back to us (MQTT 5's "no local"; a 3.1.1 broker
    /// sends them anyway). Applies to later subscribe() calls (subscribing to a topic again changes
    /// it). Default true, as MQTT 3.1.1 does.
    void setReceiveOwnMessages(bool receive);

    /// Whether the broker currently accepts us.
    bool isConnected() const;
    /// The MQTT version of the current connection: 5 or 4 (3.1.1); 0 when not connected.
    int protocolVersion() const;
    /// The reason of the last failure, as text ("" when none).
    std::string getLastError() const;
    /// The local IP address (numeric, v4 or v6) of the connection to the broker ("" when not connected).
    std::string getLocalAddress() const;

private:
    struct Impl;
    std::shared_ptr<Reactor> m_reactor; // kept running while the client exists
    std::shared_ptr<Impl> m_impl;       // shared with the reactor until the connection is closed
};

} // namespace mqtt
