#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <variant>

#include <mqttgames/mqtt/Reactor.hpp>
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

/// What a GameClient reports, as values that carry what the receiver needs to know at that moment
/// (so nobody has to ask the client afterwards, when it may have moved on).
namespace event
{
/// Connected and subscribed: waiting for a partner (also again after a partner left or was taken).
struct Waiting
{
};
/// Paired with a partner.
struct Paired
{
    std::string partnerId;
    std::string partnerName;
    bool first = false; ///< whether we start: both sides agree without further messages
    /// Whether the partner signs its messages (another mqttgames client): nobody else on the topic
    /// can then speak in its name. False for a client of the seed's protocol.
    bool signedMessages = false;
};
/// The partner left: on purpose (its DISCONNECT), or `crashed` (its will, sent by the broker when
/// its connection vanished; known over MQTT 5 only).
struct PartnerLeft
{
    bool crashed = false;
};
/// The partner we had before our own connection dropped answered again.
struct PartnerBack
{
};
/// Our connection to the broker dropped; the client reconnects by itself.
struct LinkLost
{
    std::string reason;
};
/// Our connection is back; PartnerBack follows when the partner answers.
struct LinkBack
{
};
/// A text from the partner.
struct Message
{
    std::string text;
};
/// Something in the partner's name that the partner did not sign (someone else on the topic sent
/// it, or sent it again): dropped. At most RefusalsPerSecond are told in a second, however many
/// come; the rest are dropped silently.
struct Refused
{
    std::string reason; ///< what it was, quoting at most a short, printable part of it
};
/// A player waits on the topic, but plays by other terms (see setTerms): not paired with. Told once
/// per player and terms.
struct Mismatch
{
    std::string name;       ///< the other player's name, cleaned
    std::string theirTerms; ///< its terms, cleaned and short; empty: none
    std::string ourTerms;
};
/// connect() failed, or a connection that was never accepted gave up.
struct Failed
{
    std::string reason;
};
} // namespace event

inline constexpr int RefusalsPerSecond = 20;

using GameEvent = std::variant<event::Waiting, event::Paired, event::PartnerLeft, event::PartnerBack, event::LinkLost,
                               event::LinkBack, event::Message, event::Refused, event::Mismatch, event::Failed>;

/// Two players on one topic, speaking the seed library's wire format (TEXT@SENDERID, _ENTERED,
/// DISCONNECT), so that a client of that library and this one can play together. Over MQTT 5 it
/// subscribes with "no local", so the broker never sends it its own messages.
/// Two of these clients sign their pair: their hellos carry an X25519 key, from which both derive a
/// key at pairing, and every message after it carries a counter and a tag (HMAC-SHA256), so that
/// nobody else on the topic can speak in the partner's name or replay what it said. The will
/// carries a secret whose hash the hello announced (MQTT 5). See docs/TRUST.md.
/// Every method may be called from any thread, also from the client's own callbacks (disconnect and
/// destruction included). Callbacks run on the reactor's thread, in order: the events, and the
/// seed's state changes as a thin layer over them. Wrap them with EventQueue::post for the main loop.
class GameClient
{
public:
    using StateCallback = std::function<void(GameState state)>;
    using MessageCallback = std::function<void(const std::string& text)>;
    using EventCallback = std::function<void(const GameEvent& event)>;

    /// The seed's default topic.
    static constexpr const char* DefaultTopic = "/ch/aplu/mqtt/gameclient";

    /// Makes a client; it does not connect yet. Either callback may be empty. Runs on `reactor`
    /// (default: the process-wide one).
    GameClient(StateCallback stateChanged, MessageCallback messageReceived, std::string topic = DefaultTopic,
               std::shared_ptr<Reactor> reactor = nullptr);
    GameClient(const GameClient&) = delete;
    GameClient& operator=(const GameClient&) = delete;
    /// Disconnects (telling the partner); no callback runs once it has returned.
    ~GameClient();

    /// Connects, subscribes and announces itself. True once connected (state Connected, or Ready if a
    /// partner answered at once); false, with getLastError() and state Disconnected, otherwise.
    /// Blocks up to twice the connect timeout: for the broker, then for the subscription. Called on
    /// the reactor's thread (from a callback) it does not wait: see start().
    bool connect(const std::string& host, int port = 1883);
    /// Begins connecting and returns at once; the events (Waiting, Paired or Failed) tell the outcome.
    void start(const std::string& host, int port = 1883);
    /// Sends a text to the partner. False when there is no partner or the client is not connected.
    bool sendMessage(const std::string& text);
    /// Tells the partner we leave, disconnects; state Idle, and no other state is told once it has
    /// begun (not even the partner's DISCONNECT, should it answer ours before we are gone).
    /// Returns at once: it never waits for the network (a connect in flight is cancelled).
    void disconnect();
    /// Publishes on TOPIC/SUBTOPIC, beside the game: the seed's clients subscribe to TOPIC alone and
    /// never read it, and nothing there reaches a partner (a match's feed for spectators). False
    /// when not connected.
    bool publishBeside(const std::string& subtopic, const std::string& payload, bool retain);
    /// What arrives beside the game: the topic's part after TOPIC/, and the payload.
    using BesideCallback = std::function<void(const std::string& subtopic, const std::string& payload)>;
    /// Also subscribes to TOPIC/FILTER (wildcards allowed: "watch/here/+") once connected, and again
    /// after reconnects; what arrives there goes to `callback` on the reactor's thread, never to the
    /// game (spectators announcing themselves). Set before connect().
    void setBesideCallback(const std::string& filter, BesideCallback callback);
    /// After the partner left (state Disconnected while still connected): waits for a new partner.
    bool lookForPartner();
    /// Also reports every event; set before connect().
    void setEventCallback(EventCallback callback);

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
    /// Keepalive in seconds (default 60; below 5 connect() fails). The broker declares a silent
    /// partner gone 1.5-2.5x this after the last packet it had from it (mosquitto 2.0 checks every
    /// few seconds), so sooner after a cut that came in a quiet spell. Takes effect at the next
    /// connect().
    void setKeepalive(int seconds);
    /// How long connect() waits for each step (default 5 s).
    void setConnectTimeout(std::chrono::milliseconds timeout);
    /// While waiting for a partner, the hello is repeated this often, so a lost one strands nobody.
    void setAnnounceInterval(std::chrono::milliseconds interval);
    /// Longer payloads on the topic are dropped unread (default 64 KiB), so nobody can flood us with
    /// megabytes; over MQTT 5 the broker does not even send them. Takes effect at the next connect().
    void setMaxMessageSize(std::size_t bytes);
    /// The MQTT version of the connection: 5, or 4 (3.1.1) with a broker that does not speak 5; 0
    /// when not connected.
    int protocolVersion() const;
    /// The login at the broker (empty: anonymous). Takes effect at the next connect().
    void setCredentials(const std::string& username, const std::string& password);
    /// Takes effect at the next connect().
    void setTls(const TlsOptions& tls);
    /// Pairs only with players who set the same password (and who therefore sign: never with a
    /// client of the seed's protocol). Without it, someone who replaces both players' hellos at the
    /// moment they pair can sit between them; with it, they cannot. Empty (the default): no password.
    /// Takes effect at the next connect().
    void setRoomPassword(const std::string& password);
    /// Pairs only with players who set the same terms (what both play by: a time control, say);
    /// a hello with other terms is not paired with, and told as event::Mismatch. Empty (the default,
    /// and what the seed's clients have): no terms. No commas. Takes effect at the next connect().
    void setTerms(const std::string& terms);

private:
    struct Impl;
    std::shared_ptr<Reactor> m_reactor; // kept running while the client exists
    std::shared_ptr<Impl> m_impl;       // shared with the reactor until the connection is closed
};

} // namespace mqtt
