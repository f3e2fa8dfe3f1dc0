#include <mqttgames/engine/BotLevel.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace engine
{

namespace
{

constexpr std::array<BotLevel, 3> AllLevels{BotLevel::Easy, BotLevel::Medium, BotLevel::Hard};

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return std::ranges::equal(a, b, [](char x, char y)
                              { return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y)); });
}

} // namespace

bool namesLevel(std::string_view text, std::string_view name, std::size_t index)
{
    return equalsIgnoringCase(text, name) || text == std::to_string(index + 1);
}

std::optional<BotLevel> parseBotLevel(std::string_view text)
{
    for (std::size_t i = 0; i < AllLevels.size(); ++i)
        if (namesLevel(text, toString(AllLevels[i]), i))
            return AllLevels[i];
    return std::nullopt;
}

const char* toString(BotLevel level)
{
    switch (level)
    {
    case BotLevel::Easy: return "easy";
    case BotLevel::Medium: return "medium";
    case BotLevel::Hard: return "hard";
    }
    return "hard";
}

std::vector<std::string> botLevelNames()
{
    std::vector<std::string> names;
    for (const BotLevel level : AllLevels)
        names.emplace_back(toString(level));
    return names;
}

BotLevel botLevelAt(int index)
{
    return AllLevels[static_cast<std::size_t>(std::clamp(index, 0, static_cast<int>(AllLevels.size()) - 1))];
}

} // namespace engine
