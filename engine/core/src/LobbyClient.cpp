#include "LobbyClient.hpp"

#include <mqttgames/engine/LobbyEntry.hpp>
#include <mqttgames/mqtt/Reactor.hpp>

namespace engine
{

std::shared_ptr<mqtt::MQTTClient> makeLobbyClient(const ConnectionSettings& settings)
{
    auto client = std::make_shared<mqtt::MQTTClient>(nullptr, settings.username, settings.password);
    client->setTls(settings.tls);
    client->setVerbose(settings.verbose);
    client->setMaxMessageSize(LobbyEntry::MaxBytes);
    return client;
}

void connectInBackground(const std::shared_ptr<mqtt::MQTTClient>& client, const ConnectionSettings& settings)
{
    // The client runs on the shared reactor (made with no other), where connect() does not wait.
    mqtt::Reactor::shared()->post([weak = std::weak_ptr(client), host = settings.host, port = settings.port]
                                  {
                                      if (const auto alive = weak.lock())
                                          alive->connect(host, port);
                                  });
}

} // namespace engine
