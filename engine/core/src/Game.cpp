#include <mqttgames/engine/Game.hpp>

#include <mqttgames/engine/BotLevel.hpp>

namespace engine
{

std::optional<int> findBotLevel(const GameInfo& info, const std::string& name)
{
    for (std::size_t i = 0; i < info.botLevels.size(); ++i)
        if (namesLevel(name, info.botLevels[i], i))
            return static_cast<int>(i);
    return std::nullopt;
}

} // namespace engine
