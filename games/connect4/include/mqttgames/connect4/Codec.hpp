#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <mqttgames/connect4/Board.hpp>

namespace connect4
{

/// Protocol version of the messages below; raise it when they change incompatibly.
inline constexpr int ProtocolVersion = 1;

/// The body of a "move" message for a 0-based column: {"column": 1..7}. The wire uses the players'
/// notation (1 is the leftmost column), as the move strings and the terminal do.
nlohmann::json encodeMove(int column);

/// The 0-based column of a "move" body when it is well-formed and legal on `board`; otherwise nothing,
/// with the reason in `error`. Never throws.
std::optional<int> decodeMove(const nlohmann::json& body, const Board& board, std::string& error);

} // namespace connect4
