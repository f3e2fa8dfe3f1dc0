#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include <mqttgames/tictactoe/Board.hpp>

namespace tictactoe
{

/// Protocol version of the messages below; raise it when they change incompatibly.
inline constexpr int ProtocolVersion = 1;

/// The body of a "move" message for cell 0..8: {"cell": 1..9} (the notation, row-major from the top-left).
nlohmann::json encodeMove(int cell);

/// The cell (0..8) of a "move" body when it is well-formed and legal on `board`; otherwise nothing,
/// with the reason in `error`. Never throws.
std::optional<int> decodeMove(const nlohmann::json& body, const Board& board, std::string& error);

} // namespace tictactoe
