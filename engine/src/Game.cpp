#include <mqttgames/engine/Game.hpp>

#include <algorithm>
#include <cctype>

namespace engine
{

std::optional<int> findBotLevel(const GameInfo& info, const std::string& name)
{
    const auto lower = [](std::string text)
    {
        std::transform(text.begin(), text.end(), text.begin(), [](unsigned char c) { return std::tolower(c); });
        return text;
    };
    for (std::size_t i = 0; i < info.botLevels.size(); ++i)
        if (lower(info.botLevels[i]) == lower(name) || std::to_string(i + 1) == name)
            return static_cast<int>(i);
    return std::nullopt;
}

} // namespace engine
