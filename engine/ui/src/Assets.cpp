#include <mqttgames/engine/Assets.hpp>

#include <cstdlib>
#include <stdexcept>
#include <system_error>

namespace engine
{

std::vector<std::filesystem::path> assetDirectories()
{
    std::vector<std::filesystem::path> candidates;
    if (const char* fromEnvironment = std::getenv("MQTTGAMES_ASSETS"); fromEnvironment && *fromEnvironment)
        candidates.emplace_back(fromEnvironment);
    std::error_code error;
    const auto executable = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error)
        candidates.push_back(executable.parent_path().parent_path() / "share" / "mqttgames" / "assets");
#ifdef MQTTGAMES_INSTALLED_ASSETS
    // A game built against the installed package runs from its own folder, away from that share/.
    candidates.emplace_back(MQTTGAMES_INSTALLED_ASSETS);
#endif
    candidates.emplace_back(MQTTGAMES_SOURCE_ASSETS);

    std::vector<std::filesystem::path> existing;
    for (auto& folder : candidates)
        if (std::filesystem::is_directory(folder, error))
            existing.push_back(std::move(folder));
    return existing;
}

std::filesystem::path findAsset(const std::filesystem::path& relative, const std::vector<std::filesystem::path>& folders)
{
    std::string searched;
    for (const auto& folder : folders)
    {
        const auto candidate = folder / relative;
        std::error_code error;
        if (std::filesystem::is_regular_file(candidate, error))
            return candidate;
        searched += (searched.empty() ? "" : ", ") + folder.string();
    }
    throw std::runtime_error("missing asset " + relative.string() + " (searched: " +
                             (searched.empty() ? "no assets folder found; set MQTTGAMES_ASSETS" : searched) + ")");
}

std::filesystem::path findAsset(const std::filesystem::path& relative)
{
    return findAsset(relative, assetDirectories());
}

void loadFonts(FontHolder& fonts)
{
    fonts.load(FontId::Regular, findAsset("fonts/DejaVuSans.ttf"));
    fonts.load(FontId::Bold, findAsset("fonts/DejaVuSans-Bold.ttf"));
}

} // namespace engine
