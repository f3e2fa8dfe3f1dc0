#pragma once

#include <chrono>
#include <ostream>

#include <mqttgames/engine/LobbyBoard.hpp>
#include <mqttgames/mqtt/EventQueue.hpp>

#include "Launch.hpp"

namespace runner
{

/// Drains `queue` until `board` has every entry the broker kept, it cannot reach the broker, or
/// `timeout` passes. True when it caught up.
bool waitForLobby(const engine::LobbyBoard& board, mqtt::EventQueue& queue, std::chrono::milliseconds timeout);

/// --list-rooms: prints who waits for a partner in `choice.game` on its broker, one room a line.
/// Returns the exit status (1 when the broker could not be read, saying why on `log`).
int printRooms(const Choice& choice, std::ostream& out, std::ostream& log);

} // namespace runner
