#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <SFML/Graphics/Font.hpp>

#include <mqttgames/engine/ResourceHolder.hpp>

namespace engine
{

enum class FontId
{
    Regular,
    Bold,
};

using FontHolder = ResourceHolder<sf::Font, FontId>;

/// The folders searched for assets, in order: $MQTTGAMES_ASSETS, <executable>/../share/mqttgames/assets,
/// the source tree's assets/ (as built). Folders that do not exist are left out.
std::vector<std::filesystem::path> assetDirectories();

/// The full path of an asset given relative to the assets folder ("fonts/DejaVuSans.ttf").
/// Throws std::runtime_error naming the file and every folder searched when it is nowhere.
std::filesystem::path findAsset(const std::filesystem::path& relative);
/// The same search over explicit folders (for tests).
std::filesystem::path findAsset(const std::filesystem::path& relative, const std::vector<std::filesystem::path>& folders);

/// Loads the engine's fonts (shipped in assets/fonts); throws naming a missing file.
void loadFonts(FontHolder& fonts);

} // namespace engine
