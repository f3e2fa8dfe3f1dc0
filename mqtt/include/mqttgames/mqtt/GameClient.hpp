#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include <mqttgames/mqtt/TlsOptions.hpp>

namespace mqtt
{

/// The states of a GameClient, named as the seed names them.
enum class GameState
{
    Idle,         ///< not connected (initially, and after disconnect())
    Connecting,   ///< connecting to the broker
    Connected,    ///< connected and subscribed, waiting for a partner
    Ready,        ///< both players are there
    Disconnected, ///< the partner is gone, or the connection failed
};

/// "IDLE", "CONNECTING", "CONNECTED", "READY" or "DISCONNECTED".
const char* toString(GameState state);

/// Two players on one topic, speaking the seed library's wire format (TEXT@SENDERID, _ENTERED,
/// DISCONNECT), so that a client of that library and this one can play together.
/// Every method may be called from any thread. Callbacks run on the network thread, except the
/// Connecting and Idle/Disconnected changes made by connect() and disconnect() themselves, which run
/// on their caller; all are delivered in order. Wrap them with EventQueue::post for the main loop.
class GameClient
{
public:
    using StateCallback = std::function<void(GameState state)>;
    using MessageCallback = std::function<void(const std::string& text)>;

    /// The seed's default topic.
    static constexpr const char* DefaultTopic = "/ch/aplu/mqtt/gameclient";

    /// Makes a client; it does not connect yet. Either callback may be empty.
    GameClient(StateCallback stateChanged, MessageCallback messageReceived, std::string topic = DefaultTopic);
    GameClient(const GameClient&) = delete;
    GameClient& operator=(const GameClient&) = delete;
    /// Disconnects (telling the partner) and joins the network thread.
    ~GameClient();

    /// Connects, subscribes and announces itself. True once connected (state Connected, or Ready if a
    /// partner answered at once); false, with getLastError() and state Disconnected, otherwise.
    /// Blocks up to twice the connect timeout: for the broker, then for our announcement to come back.
    bool connect(const std::string& host, int port = 1883);
    /// Sends a text to the partner. False when there is no partner or the client is not connected.
    bool sendMessage(const std::string& text);
    /// Tells the partner we leave, disconnects; state Idle, and no other state is told once it has
    /// begun (not even the partner's DISCONNECT, should it answer ours before we are gone).
    void disconnect();
    /// After the partner left (state Disconnected while still connected): waits for a new partner.
    bool lookForPartner();

    GameState getState() const;
    /// Whether the broker currently accepts us. False while a lost connection is being made again:
    /// then a Disconnected state means "we are away", not "the partner left".
    bool hasBrokerConnection() const;
    /// Our name as announced to the partner; set before connect(). ',' and '@' become '_'.
    void setName(const std::string& name);
    std::string getName() const;
    /// The partner's announced name ("" until Ready).
    std::string getPartnerName() const;
    /// Both partners agree on this without further messages: the client with the smaller id starts.
    bool isFirst() const;
    /// This client's random id (20 characters from [a-z0-9]).
    std::string getId() const;
    /// The partner's id ("" until Ready).
    std::string getPartnerId() const;
    std::string getTopic() const;
    /// Why the last connect() or sendMessage() failed (cleared by connect()).
    std::string getLastError() const;

    /// Logs to stderr, prefixed "[gameclient]" (and its connection's lines, "[mqtt]").
    void setVerbose(bool verbose);
    /// Keepalive in seconds (default 60; below 5 connect() fails); a vanished partner is seen within
    /// ~1.5x this. Takes effect at the next connect().
    void setKeepalive(int seconds);
    /// How long connect() waits for each step (default 5 s).
    void setConnectTimeout(std::chrono::milliseconds timeout);
    /// While waiting for a partner, the hello is repeated this often, so a lost one strands nobody.
    void setAnnounceInterval(std::chrono::milliseconds interval);
    /// Longer payloads on the topic are dropped unread (default 64 KiB), so nobody can flood us with
    /// megabytes.
    void setMaxMessageSize(std::size_t bytes);
    /// The login at the broker (empty: anonymous). Takes effect at the next connect().
    void setCredentials(const std::string& username, const std::string& password);
    /// Takes effect at the next connect().
    void setTls(const TlsOptions& tls);

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace mqtt
