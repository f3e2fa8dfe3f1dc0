#pragma once

#include <optional>
#include <string_view>

#include <mqttgames/engine/BotLevel.hpp>

namespace battleship
{

/// The bot's levels are the engine's shared ones (easy, medium, hard).
using Level = engine::BotLevel;
using engine::toString;

/// Reads "easy", "medium", "hard" (any case) or "1", "2", "3"; nullopt otherwise.
inline std::optional<Level> parseLevel(std::string_view text)
{
    return engine::parseBotLevel(text);
}

} // namespace battleship
