#pragma once

#include <chrono>
#include <optional>

#include <memory>

#include <SFML/Graphics/RenderTarget.hpp>
#include <SFML/System/Time.hpp>
#include <SFML/Window/Event.hpp>

namespace engine
{

class SceneStack;
struct Context;

/// One screen on the scene stack (a menu, a board, an overlay). All calls come from the main thread.
/// Mouse coordinates in events are already in design units (see Context::size), whatever the window size.
class Scene
{
public:
    /// `stack` owns the scene and outlives it.
    explicit Scene(SceneStack& stack);
    virtual ~Scene() = default;
    Scene(const Scene&) = delete;
    Scene& operator=(const Scene&) = delete;

    /// Handles one input event; true lets the scene below see it too.
    virtual bool handleEvent(const sf::Event& event) = 0;
    /// Advances by `dt`; true lets the scene below update this frame too.
    virtual bool update(sf::Time dt) = 0;
    /// Draws the current state; scenes below are drawn first unless this one is opaque.
    virtual void draw(sf::RenderTarget& target) const = 0;
    /// Whether it moves by itself right now, so the next frame must be drawn with no input.
    virtual bool isAnimating() const { return false; }
    /// Whether it covers the whole screen, so the scenes below need not be drawn.
    virtual bool isOpaque() const { return false; }
    /// When its update() next has something to do with no input (a match's timers), if ever.
    virtual std::optional<std::chrono::steady_clock::time_point> nextWake() const { return std::nullopt; }

protected:
    /// Push and pop take effect after the current event or update pass.
    void requestPush(std::unique_ptr<Scene> scene);
    void requestPop();
    void requestClear();
    SceneStack& stack() const { return *m_stack; }
    Context& context() const;

private:
    SceneStack* m_stack;
};

} // namespace engine
