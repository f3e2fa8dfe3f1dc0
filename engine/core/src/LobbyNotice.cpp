#include "LobbyNotice.hpp"

#include <mqttgames/mqtt/GameWire.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include "LobbyClient.hpp"

namespace engine
{

LobbyNotice::LobbyNotice(std::string game, ConnectionSettings settings)
    : m_game(std::move(game)), m_settings(std::move(settings)), m_topic(lobbyTopic(m_game) + "/" + mqtt::wire::randomId())
{
}

LobbyNotice::~LobbyNotice()
{
    hide(); // goes out before the polite disconnect
    m_client.reset();
}

bool LobbyNotice::listable() const
{
    std::string error;
    LobbyEntry entry{"x", m_settings.room, m_settings.name, {}, {}, m_settings.clock};
    return decodeLobbyEntry(entry.id, encodeLobbyEntry(entry), LobbyEntry::Clock::now(), error).has_value();
}

void LobbyNotice::show(LobbyEntry::Clock::time_point since, SteadyTime now)
{
    if (m_since == since && now < m_shownAt + LobbyEntry::RefreshEvery)
        return;
    m_since = since;
    m_shownAt = now;
    const LobbyEntry entry{"", m_settings.room, m_settings.name, std::chrono::floor<std::chrono::seconds>(since),
                           std::chrono::floor<std::chrono::seconds>(LobbyEntry::Clock::now()), m_settings.clock};
    publish(encodeLobbyEntry(entry));
    if (m_client)
        return;
    m_client = makeLobbyClient(m_settings);
    m_client->setWill(m_topic, "", 1, true); // a retained nothing: the broker forgets the entry
    // At every (re)connection: the will cleared the entry when the link dropped.
    m_client->setConnectionCallback(
        [shared = m_shared, weak = std::weak_ptr(m_client), topic = m_topic](bool connected, const std::string&)
        {
            const auto client = weak.lock();
            const std::scoped_lock lock(shared->mutex);
            if (connected && client && !shared->payload.empty())
                client->publish(topic, shared->payload, 1, true);
        });
    connectInBackground(m_client, m_settings);
}

void LobbyNotice::hide()
{
    if (!m_since)
        return;
    m_since.reset();
    publish("");
}

void LobbyNotice::publish(const std::string& payload)
{
    const std::scoped_lock lock(m_shared->mutex);
    m_shared->payload = payload;
    // Not connected yet: the connection callback sends what is kept then.
    if (m_client && m_client->isConnected())
        m_client->publish(m_topic, payload, 1, true);
}

std::optional<LobbyNotice::SteadyTime> LobbyNotice::nextRefresh() const
{
    if (!m_since)
        return std::nullopt;
    return m_shownAt + LobbyEntry::RefreshEvery;
}

} // namespace engine
