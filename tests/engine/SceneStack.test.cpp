#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <mqttgames/engine/Context.hpp>
#include <mqttgames/engine/SceneStack.hpp>

namespace
{

// Records what happens to it; can be told to push, pop or block during its own calls.
class Probe : public engine::Scene
{
public:
    Probe(engine::SceneStack& stack, std::string name, std::vector<std::string>& journal, bool passDown = true)
        : Scene(stack), m_name(std::move(name)), m_journal(&journal), m_passDown(passDown)
    {
    }
    ~Probe() override { m_journal->push_back(m_name + " destroyed"); }

    bool handleEvent(const sf::Event&) override
    {
        m_journal->push_back(m_name + " event");
        if (popOnEvent)
        {
            requestPop();
            m_journal->push_back(m_name + " still alive after requestPop");
        }
        return m_passDown;
    }
    bool update(sf::Time) override
    {
        m_journal->push_back(m_name + " update");
        if (pushOnUpdate)
        {
            pushOnUpdate = false;
            requestPush(std::make_unique<Probe>(stack(), m_name + "+", *m_journal));
        }
        return m_passDown;
    }
    void draw(sf::RenderTarget&) const override {}

    bool popOnEvent = false;
    bool pushOnUpdate = false;

private:
    std::string m_name;
    std::vector<std::string>* m_journal;
    bool m_passDown;
};

struct Fixture
{
    engine::FontHolder fonts;
    engine::Theme theme;
    engine::Context context{fonts, theme, mqtt::EventQueue{}};
    std::vector<std::string> journal;
};

} // namespace

TEST_CASE("engine::SceneStack")
{
    Fixture fixture;
    engine::SceneStack stack(fixture.context);

    SECTION("a push takes effect only when pending changes are applied")
    {
        stack.push(std::make_unique<Probe>(stack, "menu", fixture.journal));
        CHECK(stack.isEmpty());
        CHECK(stack.applyPendingChanges());
        CHECK(stack.size() == 1);
        CHECK_FALSE(stack.applyPendingChanges());
    }

    SECTION("a scene that pops itself during an event lives until the pass is over")
    {
        auto probe = std::make_unique<Probe>(stack, "game", fixture.journal);
        probe->popOnEvent = true;
        stack.push(std::move(probe));
        stack.applyPendingChanges();
        stack.handleEvent(sf::Event{});
        CHECK(stack.size() == 1);
        CHECK(fixture.journal.back() == "game still alive after requestPop");
        stack.applyPendingChanges();
        CHECK(stack.isEmpty());
        CHECK(fixture.journal.back() == "game destroyed");
    }

    SECTION("a push during update does not update the new scene in the same pass")
    {
        auto probe = std::make_unique<Probe>(stack, "game", fixture.journal);
        probe->pushOnUpdate = true;
        stack.push(std::move(probe));
        stack.applyPendingChanges();
        stack.update(sf::seconds(0.016f));
        CHECK(fixture.journal == std::vector<std::string>{"game update"});
        stack.applyPendingChanges();
        CHECK(stack.size() == 2);
        fixture.journal.clear();
        stack.update(sf::seconds(0.016f));
        CHECK(fixture.journal == std::vector<std::string>{"game+ update", "game update"});
    }

    SECTION("events and updates go top-down until a scene returns false")
    {
        stack.push(std::make_unique<Probe>(stack, "bottom", fixture.journal));
        stack.push(std::make_unique<Probe>(stack, "blocker", fixture.journal, false));
        stack.push(std::make_unique<Probe>(stack, "top", fixture.journal));
        stack.applyPendingChanges();
        stack.handleEvent(sf::Event{});
        stack.update(sf::seconds(0.016f));
        CHECK(fixture.journal == std::vector<std::string>{"top event", "blocker event", "top update", "blocker update"});
    }

    SECTION("pop and clear apply in the order requested")
    {
        stack.push(std::make_unique<Probe>(stack, "a", fixture.journal));
        stack.push(std::make_unique<Probe>(stack, "b", fixture.journal));
        stack.pop();
        stack.push(std::make_unique<Probe>(stack, "c", fixture.journal));
        stack.applyPendingChanges();
        CHECK(stack.size() == 2);
        stack.clear();
        stack.applyPendingChanges();
        CHECK(stack.isEmpty());
        CHECK(fixture.journal == std::vector<std::string>{"b destroyed", "c destroyed", "a destroyed"});
    }
}
