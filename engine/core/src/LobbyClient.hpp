#pragma once

#include <memory>

#include <mqttgames/engine/ConnectionSettings.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

namespace engine
{

/// A client for the lobby beside a seat's own: the seat's login, TLS and verbosity, and no payload
/// longer than a lobby entry. Not connected yet.
std::shared_ptr<mqtt::MQTTClient> makeLobbyClient(const ConnectionSettings& settings);

/// Connects `client` to the broker of `settings` from the network thread, so the caller (a window's
/// main loop) never waits for the broker; the client's connection callback tells how it went.
void connectInBackground(const std::shared_ptr<mqtt::MQTTClient>& client, const ConnectionSettings& settings);

} // namespace engine
