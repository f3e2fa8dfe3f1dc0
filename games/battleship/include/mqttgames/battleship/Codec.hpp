#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <mqttgames/engine/Round.hpp>

#include <mqttgames/battleship/Fleet.hpp>
#include <mqttgames/battleship/Messages.hpp>
#include <mqttgames/battleship/Verifier.hpp>

namespace battleship
{

/// Protocol version of the messages below; raise it when they change incompatibly.
inline constexpr int ProtocolVersion = 1;

/// The longest fleet text and salt a reveal may carry: far above any honest one, low enough that a
/// hostile message cannot make the verifier chew on megabytes.
inline constexpr std::size_t MaxFleetText = 256;
inline constexpr std::size_t MaxSaltText = 128;

// Every decode* below never throws: it returns nothing, with the reason in `error`, for a body that
// is not an object, lacks a field, or has a field of the wrong type or out of range. Extra fields
// are ignored, so a later version may add some.

/// "commit": {"commitment": 64 lowercase hex digits} (see commitmentOf); never the fleet itself.
nlohmann::json encodeCommit(const std::string& commitment);
std::optional<std::string> decodeCommit(const nlohmann::json& body, std::string& error);

/// "shot": {"cell": "A1".."J10"}.
nlohmann::json encodeShot(Coord cell);
std::optional<Coord> decodeShot(const nlohmann::json& body, std::string& error);

/// "result": {"cell": "C5", "outcome": "miss" | "hit" | "sunk", "ship": "C3V4"}; "ship" (the sunk
/// ship in the fleet text form, covering the cell) is present exactly when the outcome is "sunk".
nlohmann::json encodeResult(const ShotRecord& result);
std::optional<ShotRecord> decodeResult(const nlohmann::json& body, std::string& error);

/// "reveal": {"fleet": "A1H5,C3V4,E5H3,G7V3,J1V2", "salt": the commitment's salt}.
nlohmann::json encodeReveal(const Fleet& fleet, const std::string& salt);
std::optional<Reveal> decodeReveal(const nlohmann::json& body, std::string& error);

/// Any message, with its type ("commit", "shot", "result", "reveal").
engine::Message encode(const Message& message);
/// Any message by its type; an unknown type is refused like a bad body.
std::optional<Message> decode(const std::string& type, const nlohmann::json& body, std::string& error);

} // namespace battleship
