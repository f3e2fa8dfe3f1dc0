#pragma once

#include <mqttgames/mqtt/GameClient.hpp>

#include <mqttgames/mqtt/GameWire.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include "CallbackGate.hpp"
#include "SignedPair.hpp"
#include "VerboseLog.hpp"

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <utility>

namespace mqtt
{

// The client's state machine. It runs on the reactor's thread; callers read a snapshot under
// `mutex` and post what they ask for. Tasks and timers on the reactor share it with the facade.
struct GameClient::Impl : std::enable_shared_from_this<Impl>
{
    // What callers set at any time; guarded by `mutex`. A session takes them as it begins.
    struct Settings
    {
        std::string name = "Player";
        int keepalive = 60;
        std::chrono::milliseconds connectTimeout{5000};
        std::chrono::milliseconds announceInterval{2000};
        std::string username;
        std::string password;
        TlsOptions tls;
        std::string roomPassword;
        std::string terms;
        bool verbose = false;
        std::size_t maxMessageSize = 64 * 1024;
        EventCallback onEvent;
        std::string besideFilter; // below the topic
        BesideCallback onBeside;
    };

    // What callers wait for and read; guarded by `mutex`.
    struct SharedState
    {
        GameState state = GameState::Idle;
        std::uint64_t session = 0;  // counts connect() and disconnect(): work of an older one is dropped
        std::optional<bool> result; // of the pending connect()
        bool leaving = false;       // disconnect() has begun: only its Idle is told
        std::string partnerId;
        std::string partnerName;
        std::string lastError;
        std::shared_ptr<MQTTClient> client; // made anew for each session, with the settings of the moment
        std::optional<detail::SignedPair> trust; // made anew for each session: our keys, and the partner's
    };

    // Reactor thread only: the session the reactor works for, and how far it got.
    struct Run
    {
        std::uint64_t session = 0;        // what its MQTTClient tells counts only while this is current
        GameState told = GameState::Idle; // the state last told to onState
        EventCallback events;             // taken from `settings` as the session began
        BesideCallback beside;            // so is this, with its whole filter ("" for none)
        std::string besideFilter;
        bool resuming = false;            // our connection dropped while paired: we want that partner back
        std::optional<std::pair<std::string, std::string>> earlyHello; // sender and text of a hello that came while Connecting
        // Refusals told in the current second: a flood of forgeries must not flood the caller's queue.
        std::chrono::steady_clock::time_point refusalsSince;
        int refusalsTold = 0;
        // Players with other terms already told (event::Mismatch), by sender and terms; capped.
        std::set<std::string> mismatchesTold;
    };

    // Reactor thread only; 0 when not set.
    struct Timers
    {
        Reactor::TimerId announce = 0;
        Reactor::TimerId subscribe = 0;
    };

    Impl(std::shared_ptr<Reactor> reactorOwner, StateCallback stateCallback, MessageCallback messageCallback, std::string topicName);

    const Reactor::Ref reactor; // reaches the loop; the facade keeps the thread alive
    const std::weak_ptr<Reactor> owner; // for the MQTTClient of each session
    const StateCallback onState;
    const MessageCallback onMessage;
    const std::string topic;
    const std::string id;
    detail::VerboseLog log{"gameclient"};
    detail::CallbackGate gate;

    // Shared with callers; guarded by `mutex`.
    mutable std::mutex mutex;
    std::condition_variable changed;
    Settings settings;
    /// One setting, read under `mutex` (callers may change settings meanwhile).
    template <typename T>
    T setting(T Settings::*field) const
    {
        std::lock_guard lock(mutex);
        return settings.*field;
    }
    SharedState shared;

    // Reactor thread only.
    Run run;
    Timers timers;

    // --- telling ---------------------------------------------------------------------------------

    // Sets the state (unless we are leaving) and tells it, if it changed.
    void enter(GameState next);

    void tellState();

    void emit(const GameEvent& event);
    // A hello by other terms than ours (see GameClient::setTerms): not paired with; told once.
    bool refuseOtherTerms(const std::string& sender, const wire::Hello& hello);

    std::shared_ptr<MQTTClient> currentClient() const;

    // --- the session -----------------------------------------------------------------------------

    void begin(std::uint64_t id, const std::string& host, int port);

    // connect() failed: our connection, our subscription or our announcement.
    void fail(const std::string& reason);

    // Tells a waiting connect() its outcome, after the state it waits for has been told.
    void finishConnect(bool connected);

    // Our hello came back: we are waiting for a partner now.
    void becomeWaiting();

    void stopTimers();

    // --- what the connection tells ---------------------------------------------------------------

    void handleConnected();

    void handleConnectionLost(const std::string& reason);

    void handleSubscribed(const std::string& filter, bool granted);
    // Our will got a new secret, which our "back" hellos announce: the broker may have published
    // the old one while our connection was away, for anybody to replay.
    void renewWill();
    // Matches our topic as well: subscribed without "no local" while we wait for our own hello.
    std::string proofFilter() const;

    // --- hellos and pairing (GameClientPairing.cpp) ----------------------------------------------

    // While waiting (or returning) the hello is repeated, so a lost one strands nobody.
    void scheduleAnnounce();

    // Publishes our hello: for anyone waiting, or, as an answer, only for `to`. While we try to get
    // our partner back after a lost connection it is a "back" hello for that partner.
    void announce(const std::string& to = {});

    // A hello from the partner we have, or had until one of us lost its connection. It is answered
    // unless we are paired and it is only an answer itself, so the exchange ends.
    void handlePartnerHello(const wire::Hello& hello);

    // Pairs with the sender of a hello if we are still waiting for a partner (and its hello holds:
    // see SignedPair::pair).
    void pairWith(const std::string& sender, const std::string& helloText);

    // The partner we paired with answered someone else, so it paired with them (two hellos crossed
    // while three players arrived at once). We wait again rather than stay paired with a player who
    // ignores us.
    void handlePartnerTaken();

    // Every message on the topic.
    void handleMessage(const std::string& payload, const MQTTClient::MessageInfo& info);
    /// A message on another topic than the game's: for the beside callback if its filter matches.
    void handleBeside(const std::string& topic, const std::string& payload);
    void handleHello(const std::string& sender, const std::string& text);
    void handlePartnerMessage(const std::string& sender, const std::string& text, const MQTTClient::MessageInfo& info);

    // Something in the partner's name that it did not sign: dropped, logged and told (at most
    // RefusalsPerSecond of them).
    void refuse(const std::string& what, std::string_view text);

    // --- callers' side ---------------------------------------------------------------------------

    // Starts a new session; returns its id. The old one must have been ended.
    std::uint64_t newSession();

    void onReactor(std::function<void(Impl&)> task);
};

} // namespace mqtt
