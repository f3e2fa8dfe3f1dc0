#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace bench
{

/// A JSON text of about `bytes` bytes, like a move, carrying a number so that an answer can be
/// matched with its question: {"n":42,"move":"xxxx..."}.
std::string makePayload(std::uint64_t number, std::size_t bytes);
/// The number of a payload made by makePayload; nullopt for anything else.
std::optional<std::uint64_t> payloadNumber(const std::string& payload);

} // namespace bench
