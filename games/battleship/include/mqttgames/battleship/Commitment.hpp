#pragma once

#include <string>

#include <mqttgames/battleship/Fleet.hpp>

namespace battleship
{

/// The lowercase hex SHA-256 of salt + ":" + fleet.toText(). Sent at the start, it binds a player
/// to a layout without showing it; the salt keeps the few possible layouts from being guessed.
std::string commitmentOf(const Fleet& fleet, const std::string& salt);

/// 32 hex characters from the system's cryptographic random source. Throws std::runtime_error if
/// that source fails.
std::string randomSalt();

} // namespace battleship
