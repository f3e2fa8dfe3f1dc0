#include <mqttgames/engine/LobbyBoard.hpp>

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <tuple>

#include <mqttgames/mqtt/GameWire.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>
#include <mqttgames/mqtt/SafeText.hpp>

#include "LobbyClient.hpp"
#include "Wakeup.hpp"

namespace engine
{

struct LobbyBoard::Shared
{
    Shared(mqtt::EventQueue queue, std::string prefix) : wake(std::move(queue)), prefix(std::move(prefix)) {}

    // Network thread: an entry came, changed or went (an empty payload), or our probe came back.
    void note(const std::string& topic, const std::string& payload)
    {
        {
            const std::scoped_lock lock(mutex);
            if (topic == probe)
                caughtUp = true;
            else if (topic.rfind(prefix, 0) == 0 && !noteEntry(topic.substr(prefix.size()), payload))
                return;
            ++revision;
        }
        wake();
    }

    // Whether the list changed. Under the mutex.
    bool noteEntry(const std::string& id, const std::string& payload)
    {
        std::string why;
        auto entry = payload.empty() ? std::nullopt : decodeLobbyEntry(id, payload, LobbyEntry::Clock::now(), why);
        if (!entry)
        {
            // Gone, or replaced by what we cannot read: either way nobody waits there now.
            refused += payload.empty() ? 0 : 1;
            return entries.erase(id) > 0;
        }
        const auto full = [&] { return entries.size() >= MaxKept && !entries.contains(id); };
        if (full())
            std::erase_if(entries, [now = LobbyEntry::Clock::now()](const auto& kept) { return kept.second.isStale(now); });
        if (full())
        {
            ++refused;
            return false;
        }
        entries[id] = std::move(*entry);
        return true;
    }

    Wakeup wake;
    const std::string prefix; // lobbyTopic(game) + "/"
    std::string probe;        // a topic of our own: its echo comes after every retained entry
    mutable std::mutex mutex;
    std::map<std::string, LobbyEntry> entries; // by id
    std::size_t refused = 0;
    std::uint64_t revision = 0;
    bool caughtUp = false;
    std::string problem;
};

LobbyBoard::LobbyBoard(std::string game, mqtt::EventQueue queue, ConnectionSettings settings)
    : m_game(std::move(game)),
      m_settings(std::move(settings)),
      m_shared(std::make_shared<Shared>(std::move(queue), lobbyTopic(m_game) + "/"))
{
    m_shared->probe = "mqttgames/probe/" + mqtt::wire::randomId();
}

LobbyBoard::~LobbyBoard() = default;

void LobbyBoard::start()
{
    m_client = makeLobbyClient(m_settings);
    m_client->setMessageCallback([shared = m_shared](const std::string& topic, const std::string& payload, bool)
                                 { shared->note(topic, payload); });
    const std::string where = m_settings.host + ":" + std::to_string(m_settings.port);
    m_client->setConnectionCallback(
        [shared = m_shared, weak = std::weak_ptr(m_client), where, filter = lobbyTopic(m_game) + "/+"](bool connected,
                                                                                                       const std::string& reason)
        {
            {
                const std::scoped_lock lock(shared->mutex);
                shared->problem = connected ? "" : "cannot read the lobby on " + where + ": " + mqtt::text::printable(reason);
                ++shared->revision;
            }
            shared->wake();
            const auto client = weak.lock();
            if (!connected || !client)
                return;
            // One SUBSCRIBE for both, then the probe: the broker sends what it kept for the lobby
            // before it handles the probe's PUBLISH, so the probe's echo marks the end of it.
            client->subscribe({{filter, 1}, {shared->probe, 1}});
            client->publish(shared->probe, "1", 1);
        });
    connectInBackground(m_client, m_settings);
}

std::vector<LobbyEntry> LobbyBoard::rooms(LobbyEntry::Clock::time_point now) const
{
    std::vector<LobbyEntry> fresh;
    {
        const std::scoped_lock lock(m_shared->mutex);
        for (const auto& [id, entry] : m_shared->entries)
            if (!entry.isStale(now))
                fresh.push_back(entry);
    }
    std::ranges::sort(fresh, [](const LobbyEntry& a, const LobbyEntry& b)
                      { return std::tie(a.since, a.room, a.id) < std::tie(b.since, b.room, b.id); });
    std::vector<LobbyEntry> listed;
    std::set<std::string> rooms;
    for (LobbyEntry& entry : fresh)
        if (listed.size() < MaxListed && rooms.insert(entry.room).second)
            listed.push_back(std::move(entry));
    return listed;
}

bool LobbyBoard::caughtUp() const
{
    const std::scoped_lock lock(m_shared->mutex);
    return m_shared->caughtUp;
}

std::string LobbyBoard::problem() const
{
    const std::scoped_lock lock(m_shared->mutex);
    return m_shared->problem;
}

std::uint64_t LobbyBoard::revision() const
{
    const std::scoped_lock lock(m_shared->mutex);
    return m_shared->revision;
}

std::size_t LobbyBoard::refused() const
{
    const std::scoped_lock lock(m_shared->mutex);
    return m_shared->refused;
}

} // namespace engine
