#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <mqttgames/mqtt/NumberText.hpp>
#include <mqttgames/mqtt/TlsOptions.hpp>

struct mosquitto;
struct mosquitto_message;

namespace mqtt
{

/// A client that publishes and/or subscribes, after the seed library's MQTTClient.
/// Every method may be called from any thread. Callbacks run on the client's network thread
/// (wrap them with EventQueue::post to run them on the main loop instead); a callback must not
/// destroy its client.
class MQTTClient
{
public:
    /// topic, payload. Called for every message received, on the network thread.
    using MessageCallback = std::function<void(const std::string& topic, const std::string& message)>;
    /// Like MessageCallback, with the message's retain flag (true for a message stored by the broker
    /// before we subscribed).
    using DetailedMessageCallback = std::function<void(const std::string& topic, const std::string& message, bool retained)>;
    /// true after every (re)connection the broker accepted, false when an established connection is
    /// lost or closed; the text says why. Network thread.
    using ConnectionCallback = std::function<void(bool connected, const std::string& reason)>;

    /// Makes a client; it does not connect yet. Without a callback it publishes only.
    /// Empty username and password log in anonymously.
    explicit MQTTClient(MessageCallback messageReceived = nullptr, std::string username = "", std::string password = "");
    MQTTClient(const MQTTClient&) = delete;
    MQTTClient& operator=(const MQTTClient&) = delete;
    /// Disconnects and joins the network thread.
    ~MQTTClient();

    /// Connects and starts the network thread. True only once the broker accepted the connection;
    /// false (with getLastError()) when it refused, rejected the login, or did not answer within
    /// the connect timeout. Reconnects by itself, with backoff, when an accepted connection drops.
    bool connect(const std::string& host, int port = 1883, int keepalive = 60);
    /// Ends the connection (politely, so no will is sent) and stops the network thread.
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

    /// Subscribes to one topic (wildcards allowed). Off the network thread it waits (up to the connect
    /// timeout) for the broker's acknowledgement, so messages published afterwards are received.
    /// Subscriptions are remembered and made again after a reconnect.
    bool subscribe(const std::string& topic, int qos = 0);
    /// Subscribes to several (topic, qos) pairs at once; waits as the single form does.
    bool subscribe(const std::vector<std::pair<std::string, int>>& topics);
    /// Ends a subscription, also for later reconnects. Off the network thread it waits (up to the
    /// connect timeout) for the broker's acknowledgement. False when not connected.
    bool unsubscribe(const std::string& topic);

    /// Turns log output to stderr on or off (prefixed "[mqtt]", never showing the password).
    void setVerbose(bool verbose);

    /// How long connect() and subscribe() wait for the broker (default 5 s).
    void setConnectTimeout(std::chrono::milliseconds timeout);
    /// Registers a last will, sent by the broker when this client vanishes without disconnecting.
    /// Takes effect at the next connect().
    void setWill(const std::string& topic, const std::string& payload, int qos = 0, bool retain = false);
    /// Encrypts the connection. Takes effect at the next connect().
    void setTls(const TlsOptions& tls);
    /// Also delivers the retain flag; replaces the constructor's callback. Network thread, like it.
    void setMessageCallback(DetailedMessageCallback callback);
    /// Called on every connection change; set before connect().
    void setConnectionCallback(ConnectionCallback callback);
    /// Delay before the first automatic reconnect, doubled after each failure up to `max`.
    void setReconnectDelay(std::chrono::seconds initial, std::chrono::seconds max);

    /// Whether the broker currently accepts us.
    bool isConnected() const;
    /// The reason of the last failure, as text ("" when none).
    std::string getLastError() const;
    /// The local IP address (numeric, v4 or v6) of the connection to the broker ("" when not connected).
    std::string getLocalAddress() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace mqtt
