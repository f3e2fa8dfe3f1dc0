#pragma once

#include <filesystem>
#include <string>

#include <mqttgames/engine/SceneStack.hpp>

namespace engine
{

/// Renders the scene stack offscreen (sf::RenderTexture at the design size, antialiased where the
/// driver allows) after letting it settle (pending changes applied, animations run to their end),
/// and saves a PNG. Needs a display for the OpenGL context. False, with the reason, on failure.
bool saveScreenshot(SceneStack& scenes, const std::filesystem::path& file, std::string& error);

} // namespace engine
