#include <mqttgames/connect4/Level.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace connect4
{

namespace
{

constexpr std::array<Level, 3> AllLevels{Level::Easy, Level::Medium, Level::Hard};

bool equalsIgnoringCase(std::string_view a, std::string_view b)
{
    return std::ranges::equal(a, b, [](char x, char y)
                              { return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y)); });
}

} // namespace

std::optional<Level> parseLevel(std::string_view text)
{
    for (std::size_t i = 0; i < AllLevels.size(); ++i)
        if (equalsIgnoringCase(text, toString(AllLevels[i])) || text == std::to_string(i + 1))
            return AllLevels[i];
    return std::nullopt;
}

const char* toString(Level level)
{
    switch (level)
    {
    case Level::Easy: return "easy";
    case Level::Medium: return "medium";
    case Level::Hard: return "hard";
    }
    return "hard";
}

} // namespace connect4
