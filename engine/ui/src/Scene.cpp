#include <mqttgames/engine/Scene.hpp>
#include <mqttgames/engine/SceneStack.hpp>

namespace engine
{

Scene::Scene(SceneStack& stack) : m_stack(&stack) {}

void Scene::requestPush(std::unique_ptr<Scene> scene) { m_stack->push(std::move(scene)); }
void Scene::requestPop() { m_stack->pop(); }
void Scene::requestClear() { m_stack->clear(); }
Context& Scene::context() const { return m_stack->context(); }

} // namespace engine
