#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>

#include <mqttgames/engine/ConnectionSettings.hpp>
#include <mqttgames/mqtt/EventQueue.hpp>
#include <mqttgames/mqtt/GameClient.hpp>
#include <mqttgames/mqtt/TlsOptions.hpp>

namespace engine
{

class Audience;
class ByeLatch;
class Session;

/// Owns the GameClient of a session. Nothing here waits for the network: the client connects on its
/// reactor, and every event it reports (carrying its data) is posted to the queue and reaches the
/// session on the thread that drains it (the main loop). Main thread only, except where noted.
class Connection
{
public:
    /// The seat's settings, plus the topic its room maps to (roomTopic()).
    struct Settings : ConnectionSettings
    {
        std::string topic;
        std::chrono::milliseconds connectTimeout{3000};
    };

    /// `session` is borrowed and must outlive the connection.
    Connection(mqtt::EventQueue queue, Session& session, Settings settings);
    /// Leaves (see leave()).
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Starts connecting in the background; the session hears how it goes.
    void start();
    /// Sends a text to the partner. Any thread.
    bool send(const std::string& text);
    /// After the partner left: waits for a new one.
    bool lookForPartner();
    /// Publishes a snapshot of the match to the room's feed for spectators (Spectator), retained;
    /// only one side of a pair does (the one that is `first`, or ours with a partner of the seed's
    /// protocol), so the feed has one voice.
    void publishFeed(const std::string& snapshot);
    /// Leaves on purpose: says bye to the partner (so it shows at once that we left, not that we
    /// are away), waits up to ByeTimeout for it to confirm, then disconnects. Later calls do nothing.
    void leave();
    /// Notices when our own connection has been back for a while and the partner still has not
    /// answered (it may have gone meanwhile): the session then waits for it as for an away partner.
    /// Call it every frame.
    void update();

    /// How long our connection may be back without the partner answering before it counts as away.
    static constexpr std::chrono::milliseconds PartnerAnswerTimeout{5000};
    /// The longest leave() waits for the partner to confirm our bye. A socket closed right after a
    /// publish may take the publish with it, and the partner would wait for us in vain. Short enough
    /// that a signal ends the program within half a second even when no confirmation comes.
    static constexpr std::chrono::milliseconds ByeTimeout{300};
    const Settings& settings() const { return m_settings; }
    /// How many spectators say they watch this room (see Spectator).
    std::size_t watchers() const;

private:
    void onEvent(const mqtt::GameEvent& event);

    mqtt::EventQueue m_queue;
    Session* m_session;
    Settings m_settings;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
    std::shared_ptr<ByeLatch> m_byeConfirmed;
    std::shared_ptr<Audience> m_audience; // noted on the network thread
    std::unique_ptr<mqtt::GameClient> m_client;
    std::optional<mqtt::event::Paired> m_partner; // of the current pairing: the same one back resumes it
    std::optional<std::chrono::steady_clock::time_point> m_linkBackAt; // while Reconnecting
    std::size_t m_droppedSeen = 0; // of the queue's dropped calls, those the session was told of
    bool m_forgeryTold = false; // of this pairing: one notice is enough, whatever a stranger sends
    bool m_left = false;
    bool m_lookWhenGone = false; // asked for a new partner after a bye, before the old one's DISCONNECT
    std::chrono::steady_clock::time_point m_lookAskedAt;
};

} // namespace engine
