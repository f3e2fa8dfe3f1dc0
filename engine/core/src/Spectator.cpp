#include <mqttgames/engine/Spectator.hpp>

#include <mqttgames/engine/Game.hpp>
#include <mqttgames/engine/Match.hpp>
#include <mqttgames/engine/Replay.hpp>
#include <mqttgames/engine/Round.hpp>
#include <mqttgames/mqtt/GameWire.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>
#include <mqttgames/mqtt/SafeText.hpp>

namespace engine
{

Spectator::Spectator(const Game& game, mqtt::EventQueue queue, ConnectionSettings settings)
    : m_game(&game), m_queue(std::move(queue)), m_settings(std::move(settings))
{
}

Spectator::~Spectator()
{
    m_alive.reset();
    if (m_client)
        m_client->publish(m_presence, "", 1, true); // gone: goes out before the polite disconnect
    m_client.reset();
}

std::string Spectator::topic() const
{
    return roomTopic(m_game->info().id, m_settings.room) + "/" + FeedSubtopic;
}

bool Spectator::start()
{
    const std::weak_ptr<int> alive = m_alive;
    auto post = m_queue.post(
        [this, alive](const std::string& payload)
        {
            if (alive.lock())
                receive(payload);
        });
    m_client = std::make_unique<mqtt::MQTTClient>([post = std::move(post)](const std::string&, const std::string& payload)
                                                  { post(payload); },
                                                  m_settings.username, m_settings.password);
    m_client->setTls(m_settings.tls);
    m_client->setVerbose(m_settings.verbose);
    m_presence = roomTopic(m_game->info().id, m_settings.room) + "/" + PresenceSubtopic + "/" + mqtt::wire::randomId();
    m_client->setWill(m_presence, "", 1, true); // a retained nothing: the broker forgets we were here
    m_client->setConnectionCallback(m_queue.post(
        [this, alive](bool connected, const std::string&)
        {
            if (alive.lock() && connected)
                announce();
        }));
    if (!m_client->connect(m_settings.host, m_settings.port) || !m_client->subscribe(topic()))
    {
        m_problem = "cannot watch on " + m_settings.host + ":" + std::to_string(m_settings.port) + ": " + m_client->getLastError();
        return false;
    }
    return true;
}

void Spectator::announce()
{
    m_client->publish(m_presence, "1", 1, true);
}

void Spectator::record(std::unique_ptr<Recorder> recorder)
{
    m_recorder = std::move(recorder);
    if (m_recorder && m_snapshot)
        m_recorder->write(*m_snapshot);
}

void Spectator::receive(const std::string& payload)
{
    std::string why;
    auto snapshot = decodeSnapshot(payload, why);
    auto round = snapshot ? roundAt(*m_game, *snapshot, why) : nullptr;
    if (!round)
    {
        // Anybody can publish on the feed's topic: what it says is quoted cleaned and short.
        m_problem = mqtt::text::shortened(mqtt::text::printable("ignored a snapshot of the feed: " + why), 200);
        return;
    }
    if (m_snapshot && m_snapshot->showsSameAs(*snapshot))
        return;
    m_problem.clear();
    m_snapshot = std::move(snapshot);
    m_round = std::move(round);
    ++m_revision;
    if (m_recorder)
        m_recorder->write(*m_snapshot);
    if (m_listener)
        m_listener(*m_snapshot, *m_round);
}

} // namespace engine
