#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "Heaps.hpp"

namespace nim
{

/// Raised when the messages below change incompatibly.
inline constexpr int ProtocolVersion = 1;

/// The body of a "move" message: {"heap": 1..3, "take": n}.
nlohmann::json encodeMove(Move move);

/// The move of a "move" body when it is well-formed and legal on `heaps`; otherwise nothing, with the
/// reason in `error`. Never throws.
std::optional<Move> decodeMove(const nlohmann::json& body, const Heaps& heaps, std::string& error);

} // namespace nim
