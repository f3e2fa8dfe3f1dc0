#pragma once

#include <memory>
#include <vector>

#include <mqttgames/engine/Scene.hpp>

namespace engine
{

struct Context;

/// Scenes drawn bottom to top and given input top to bottom. Changes requested during a pass are
/// applied by applyPendingChanges(), so a scene is never destroyed while one of its methods runs.
/// Main thread only.
class SceneStack
{
public:
    /// `context` is borrowed and must outlive the stack.
    explicit SceneStack(Context& context);
    ~SceneStack();

    void push(std::unique_ptr<Scene> scene);
    void pop();
    void clear();

    /// Offers the event to the scenes from the top until one returns false.
    void handleEvent(const sf::Event& event);
    /// Updates the scenes from the top until one returns false.
    void update(sf::Time dt);
    /// Draws from the topmost opaque scene upwards.
    void draw(sf::RenderTarget& target) const;
    /// Applies requested pushes and pops in order; true when anything changed.
    bool applyPendingChanges();

    bool isEmpty() const { return m_scenes.empty(); }
    std::size_t size() const { return m_scenes.size(); }
    /// The top scene, or nullptr.
    Scene* top() const { return m_scenes.empty() ? nullptr : m_scenes.back().get(); }
    bool isAnimating() const;
    /// The earliest nextWake() of its scenes.
    std::optional<std::chrono::steady_clock::time_point> nextWake() const;
    Context& context() const { return *m_context; }

private:
    struct Change
    {
        enum class Kind { Push, Pop, Clear } kind;
        std::unique_ptr<Scene> scene;
    };

    Context* m_context;
    std::vector<std::unique_ptr<Scene>> m_scenes;
    std::vector<Change> m_pending;
};

} // namespace engine
