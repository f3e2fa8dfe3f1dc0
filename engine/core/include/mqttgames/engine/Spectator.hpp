#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <mqttgames/engine/ConnectionSettings.hpp>
#include <mqttgames/engine/Snapshot.hpp>
#include <mqttgames/mqtt/EventQueue.hpp>

namespace mqtt
{
class MQTTClient;
}

namespace engine
{

class Game;
class Recorder;
class Round;

/// The subtopic of a room where its players keep the match's feed (Match publishes it): a retained
/// snapshot, replaced at every change, so a spectator who comes late sees the position at once.
inline constexpr const char* FeedSubtopic = "watch";
/// Where spectators say they are there: each keeps a retained message on PresenceSubtopic/ID,
/// cleared when it leaves (by its will if it vanishes). Players count them.
inline constexpr const char* PresenceSubtopic = "watch/here";

/// Watches the match in a room: reads the players' feed and keeps the latest snapshot and its
/// round. It never takes a seat; all it publishes is that it is there (PresenceSubtopic), which
/// the players count and nothing else reads. Main thread only: what the network brings reaches it
/// through the queue.
class Spectator
{
public:
    /// `game` is borrowed and outlives the spectator; `settings` name the broker and the room.
    Spectator(const Game& game, mqtt::EventQueue queue, ConnectionSettings settings);
    ~Spectator();
    Spectator(const Spectator&) = delete;
    Spectator& operator=(const Spectator&) = delete;

    /// Connects and subscribes to the feed; false, with problem(), when the broker is not there.
    /// Blocks up to the connect timeout (a few seconds).
    bool start();
    /// Also writes every snapshot to this file (see Recorder).
    void record(std::unique_ptr<Recorder> recorder);
    /// Called with every snapshot taken, as it is taken (several may come between two frames).
    using Listener = std::function<void(const Snapshot& snapshot, const Round& round)>;
    void setListener(Listener listener) { m_listener = std::move(listener); }

    /// The latest snapshot; nothing before the first.
    const std::optional<Snapshot>& snapshot() const { return m_snapshot; }
    /// Its round (the first mover local); nullptr before the first snapshot.
    const Round* round() const { return m_round.get(); }
    /// Counts the snapshots taken.
    std::uint64_t revision() const { return m_revision; }
    /// Why the last snapshot was refused, or why connecting failed; "" when nothing went wrong.
    const std::string& problem() const { return m_problem; }
    /// The topic of the feed.
    std::string topic() const;
    /// The queue the network posts to: drain it (Loop) for snapshots to arrive.
    mqtt::EventQueue queue() const { return m_queue; }

private:
    void receive(const std::string& payload);
    /// Says we are here (again after a reconnect: the will cleared it when the link dropped).
    void announce();

    const Game* m_game;
    mqtt::EventQueue m_queue;
    ConnectionSettings m_settings;
    std::optional<Snapshot> m_snapshot;
    std::unique_ptr<Round> m_round;
    std::unique_ptr<Recorder> m_recorder;
    Listener m_listener;
    std::uint64_t m_revision = 0;
    std::string m_problem;
    std::string m_presence; // our topic under PresenceSubtopic
    std::shared_ptr<int> m_alive = std::make_shared<int>(0); // queued calls run only while it lives
    std::unique_ptr<mqtt::MQTTClient> m_client;             // last: destroyed first
};

} // namespace engine
