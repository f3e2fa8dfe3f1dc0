#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <mqttgames/engine/ConnectionSettings.hpp>
#include <mqttgames/engine/LobbyEntry.hpp>
#include <mqttgames/mqtt/EventQueue.hpp>

namespace mqtt
{
class MQTTClient;
}

namespace engine
{

/// Reads the lobby of a game on a broker (see lobbyTopic): who waits in which room, kept up to date
/// as entries come and go. Every entry is checked; a refused one is counted and otherwise ignored,
/// and the board keeps at most MaxKept, so a flood of entries cannot make it grow without bound.
/// Any thread; the network's changes wake the loop that drains `queue`.
class LobbyBoard
{
public:
    static constexpr std::size_t MaxKept = 200;
    static constexpr std::size_t MaxListed = 50;

    /// `settings` name the broker, the login and TLS (the room and name are not used).
    LobbyBoard(std::string game, mqtt::EventQueue queue, ConnectionSettings settings);
    ~LobbyBoard();
    LobbyBoard(const LobbyBoard&) = delete;
    LobbyBoard& operator=(const LobbyBoard&) = delete;

    /// Connects and subscribes in the background: returns at once (a window keeps drawing).
    void start();

    /// The rooms where someone waits at `now`: one entry per room (the longest waiting), none stale,
    /// the longest waiting first, at most MaxListed.
    std::vector<LobbyEntry> rooms(LobbyEntry::Clock::time_point now = LobbyEntry::Clock::now()) const;
    /// Whether every entry the broker kept when we subscribed has arrived, so rooms() is complete.
    bool caughtUp() const;
    /// Why the lobby cannot be read (the broker did not answer...); "" when nothing is wrong.
    std::string problem() const;
    /// Counts the changes to what rooms() may return.
    std::uint64_t revision() const;
    /// How many entries were refused (malformed, forged, over the cap).
    std::size_t refused() const;

private:
    struct Shared; // what the network thread writes and the board reads, under a mutex

    std::string m_game;
    ConnectionSettings m_settings;
    std::shared_ptr<Shared> m_shared;
    // The network thread may hold it a moment longer (connectInBackground); its callbacks keep only
    // m_shared alive, never this board.
    std::shared_ptr<mqtt::MQTTClient> m_client;
};

} // namespace engine
