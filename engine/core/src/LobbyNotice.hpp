#pragma once

#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include <mqttgames/engine/ConnectionSettings.hpp>
#include <mqttgames/engine/LobbyEntry.hpp>

namespace mqtt
{
class MQTTClient;
}

namespace engine
{

/// A seat's entry in the lobby of its game (see lobbyTopic): kept while the seat waits for a
/// partner, refreshed every LobbyEntry::RefreshEvery, cleared when it pairs or goes, and by the
/// will of its own connection when the process vanishes. Main thread.
class LobbyNotice
{
public:
    using SteadyTime = std::chrono::steady_clock::time_point;

    /// `settings` name the broker, login, room and name. Nothing is sent before the first show().
    LobbyNotice(std::string game, ConnectionSettings settings);
    ~LobbyNotice();
    LobbyNotice(const LobbyNotice&) = delete;
    LobbyNotice& operator=(const LobbyNotice&) = delete;

    /// Whether the room can be listed at all (a room name too long for an entry cannot).
    bool listable() const;
    /// Lists the room as waiting since `since` (connecting first, in the background), or refreshes
    /// the entry when it is due at `now`. Cheap when neither is needed.
    void show(LobbyEntry::Clock::time_point since, SteadyTime now);
    /// Takes the entry off the lobby (nothing when it is not there).
    void hide();
    /// When show() next has something to do; nothing while hidden.
    std::optional<SteadyTime> nextRefresh() const;

private:
    // What the connection's callback reads: the payload to keep on the broker ("" while hidden).
    struct Shared
    {
        std::mutex mutex;
        std::string payload;
    };

    void publish(const std::string& payload);

    std::string m_game;
    ConnectionSettings m_settings;
    std::string m_topic;
    std::optional<LobbyEntry::Clock::time_point> m_since; // shown, waiting since
    SteadyTime m_shownAt;
    std::shared_ptr<Shared> m_shared = std::make_shared<Shared>();
    std::shared_ptr<mqtt::MQTTClient> m_client; // made at the first show()
};

} // namespace engine
