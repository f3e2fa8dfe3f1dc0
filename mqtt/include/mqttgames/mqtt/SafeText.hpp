#pragma once

#include <cstddef>
#include <string>
#include <string_view>

// What a partner sends is shown on a screen, in a terminal and in logs: these make such text safe
// to show there first. Any thread; never throws on any input.

namespace mqtt::text
{

/// The longest player name, in code points.
inline constexpr std::size_t MaxNameLength = 32;

/// Whether `text` is valid UTF-8 (what the seed's clients send and read).
bool isUtf8(std::string_view text);

/// `text` as valid UTF-8 (each invalid sequence becomes U+FFFD) without control characters (C0, DEL
/// and C1; a newline stays only with `keepNewlines`) and without the bidirectional controls that
/// could reorder what stands around it (U+061C, U+200E-F, U+202A-E, U+2066-9). What is left cannot
/// move a terminal's cursor, retitle it or write its clipboard.
std::string printable(std::string_view text, bool keepNewlines = false);

/// At most `most` code points of `text` (valid UTF-8), with "…" in place of the rest.
std::string shortened(std::string_view text, std::size_t most);

/// A player's name as everybody shows it: printable, ',' and '@' as '_' (the wire's separators),
/// surrounding spaces trimmed, at most MaxNameLength code points. May be empty.
std::string cleanName(std::string_view name);

/// Why `name` cannot be our own name, or "" when it can: empty, not valid UTF-8, with control or
/// bidirectional characters, or longer than MaxNameLength.
std::string nameProblem(std::string_view name);

} // namespace mqtt::text
