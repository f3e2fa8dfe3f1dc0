#pragma once

#include <optional>
#include <string_view>

namespace connect4
{

enum class Level
{
    Easy,
    Medium,
    Hard
};

/// Reads "easy", "medium", "hard" (any case) or "1", "2", "3"; nullopt otherwise.
std::optional<Level> parseLevel(std::string_view text);

/// "easy", "medium" or "hard"; parseLevel(toString(l)) == l.
const char* toString(Level level);

} // namespace connect4
