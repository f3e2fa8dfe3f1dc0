#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace engine
{

/// How well the computer plays: the three levels every game of this project offers, easiest first.
enum class BotLevel
{
    Easy,
    Medium,
    Hard
};

/// Reads "easy", "medium", "hard" (any case) or "1", "2", "3"; nullopt otherwise.
std::optional<BotLevel> parseBotLevel(std::string_view text);

/// "easy", "medium" or "hard"; parseBotLevel(toString(l)) == l.
const char* toString(BotLevel level);

/// The names of all levels, easiest first: what a game puts in GameInfo::botLevels.
std::vector<std::string> botLevelNames();

/// The level at an index into botLevelNames() (Round::botJob's argument); out-of-range indexes are
/// clamped to Easy or Hard.
BotLevel botLevelAt(int index);

/// Whether `text` names the level called `name` at `index` in a list of levels: the name in any case,
/// or its 1-based position ("1" for index 0). The rule of parseBotLevel and engine::findBotLevel.
bool namesLevel(std::string_view text, std::string_view name, std::size_t index);

} // namespace engine
