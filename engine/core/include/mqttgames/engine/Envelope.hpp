#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace engine
{

/// Every game message on the wire is one JSON object:
/// {"game":"tictactoe","v":1,"type":"move","round":1,"seq":4, ...fields of the body}.
/// "seq" numbers the messages of a pairing (see ReliableLink); an "ack" message carries "ack" instead.
struct Envelope
{
    std::string game;
    int version = 0;
    std::string type;
    /// 0 for messages outside a round (hello, again).
    int round = 0;
    /// The other fields.
    nlohmann::json body = nlohmann::json::object();
    /// The message's number in its pairing, from 1; 0 when unnumbered (an ack, a bye, an older peer).
    std::int64_t seq = 0;
    /// In an "ack": the partner received every message up to this number.
    std::int64_t ack = 0;
};

/// The message text; body fields that clash with envelope fields are overwritten.
std::string encode(const Envelope& envelope);

/// Reads a message without throwing. Nothing, with the reason in `error`, when the text is not JSON,
/// not an object, or a field has the wrong type (a "seq" or "ack" must be a whole number >= 1).
std::optional<Envelope> decode(const std::string& text, std::string& error);

/// Why a decoded message is not for us ("partner plays connect4 v1", "partner uses protocol v2"),
/// or "" when it is.
std::string mismatch(const Envelope& envelope, const std::string& game, int version);

} // namespace engine
