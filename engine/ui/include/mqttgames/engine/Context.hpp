#pragma once

#include <functional>

#include <SFML/System/Vector2.hpp>

#include <mqttgames/engine/Assets.hpp>
#include <mqttgames/engine/Theme.hpp>
#include <mqttgames/mqtt/EventQueue.hpp>

namespace engine
{

/// What every scene may use. Owned by the App (or a screenshot run); main thread only.
struct Context
{
    /// Borrowed; outlive every scene.
    const FontHolder& fonts;
    const Theme& theme;
    /// Network and bot threads post here; the main loop drains it every frame.
    mqtt::EventQueue queue;
    /// The design size: scenes lay out in these units and the window scales them (letterboxed).
    sf::Vector2f size{640.f, 760.f};
    /// Asks the main loop to end after this frame.
    std::function<void()> quit = [] {};
};

} // namespace engine
