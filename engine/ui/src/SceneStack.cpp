#include <mqttgames/engine/SceneStack.hpp>

#include <mqttgames/engine/Loop.hpp>

namespace engine
{

SceneStack::SceneStack(Context& context) : m_context(&context) {}

// Scenes go top-down, so one may still reach the ones below while it is destroyed.
SceneStack::~SceneStack()
{
    while (!m_scenes.empty())
        m_scenes.pop_back();
}

void SceneStack::push(std::unique_ptr<Scene> scene)
{
    m_pending.push_back({Change::Kind::Push, std::move(scene)});
}

void SceneStack::pop()
{
    m_pending.push_back({Change::Kind::Pop, nullptr});
}

void SceneStack::clear()
{
    m_pending.push_back({Change::Kind::Clear, nullptr});
}

void SceneStack::handleEvent(const sf::Event& event)
{
    for (auto it = m_scenes.rbegin(); it != m_scenes.rend(); ++it)
        if (!(*it)->handleEvent(event))
            break;
}

void SceneStack::update(sf::Time dt)
{
    for (auto it = m_scenes.rbegin(); it != m_scenes.rend(); ++it)
        if (!(*it)->update(dt))
            break;
}

void SceneStack::draw(sf::RenderTarget& target) const
{
    std::size_t first = 0;
    for (std::size_t i = m_scenes.size(); i-- > 0;)
    {
        if (m_scenes[i]->isOpaque())
        {
            first = i;
            break;
        }
    }
    for (std::size_t i = first; i < m_scenes.size(); ++i)
        m_scenes[i]->draw(target);
}

bool SceneStack::applyPendingChanges()
{
    if (m_pending.empty())
        return false;
    // A scene's destructor may request further changes; those wait for the next call.
    auto pending = std::move(m_pending);
    m_pending.clear();
    for (auto& change : pending)
    {
        switch (change.kind)
        {
            case Change::Kind::Push: m_scenes.push_back(std::move(change.scene)); break;
            case Change::Kind::Pop:
                if (!m_scenes.empty())
                    m_scenes.pop_back();
                break;
            case Change::Kind::Clear:
                while (!m_scenes.empty())
                    m_scenes.pop_back();
                break;
        }
    }
    return true;
}

std::optional<std::chrono::steady_clock::time_point> SceneStack::nextWake() const
{
    std::optional<std::chrono::steady_clock::time_point> wake;
    for (const auto& scene : m_scenes)
        wake = earliest(wake, scene->nextWake());
    return wake;
}

bool SceneStack::isAnimating() const
{
    for (const auto& scene : m_scenes)
        if (scene->isAnimating())
            return true;
    return false;
}

} // namespace engine
