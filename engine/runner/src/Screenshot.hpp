#pragma once

#include <string>

#include <mqttgames/engine/Assets.hpp>
#include <mqttgames/engine/Context.hpp>
#include <mqttgames/engine/SceneStack.hpp>
#include <mqttgames/engine/Theme.hpp>

#include "GameRegistry.hpp"
#include "Launch.hpp"

namespace runner
{

/// A scene stack with no window, to draw scenes into a PNG (--screenshot).
struct OffscreenStage
{
    /// `queue` is what the scenes' network posts to (none for a still picture).
    explicit OffscreenStage(mqtt::EventQueue queue = mqtt::EventQueue());
    /// Draws the stack into `file`; the exit status, printing what went wrong.
    int save(const std::string& file);

    engine::FontHolder fonts;
    engine::Theme theme;
    engine::Context context;
    engine::SceneStack stack;
};

/// Whether there is a display to draw with (OpenGL needs one, even offscreen); says what to do if not.
bool canDraw();

/// Renders one scene of `choice.game` offscreen to a PNG: "menu", "waiting", "playing" or "gameover",
/// the last two at `moves` (the game's notation; a sample position when empty). No network is used.
/// Returns the exit status, printing what went wrong.
int renderScreenshot(const GameRegistry& registry, const Choice& choice, const std::string& scene,
                     const std::string& moves, const std::string& file);

/// Renders the lobby of `choice.game` as it stands on `choice`'s broker, once every entry the broker
/// kept has come (or the wait timed out). Returns the exit status.
int renderLobbyScreenshot(const Choice& choice, const std::string& file);

} // namespace runner
