#include <catch2/catch.hpp>

#include <memory>
#include <vector>

#include <mqttgames/engine/Assets.hpp>
#include <mqttgames/engine/Context.hpp>
#include <mqttgames/engine/SceneStack.hpp>
#include <mqttgames/engine/Theme.hpp>
#include <mqttgames/engine/ViewerScene.hpp>

#include "AllGames.hpp"

// The replay viewer's keys, on a replay of three tic-tac-toe moves.

namespace
{

sf::Event key(sf::Keyboard::Key code)
{
    sf::Event event{};
    event.type = sf::Event::KeyPressed;
    event.key.code = code;
    return event;
}

} // namespace

TEST_CASE("The replay viewer steps, jumps and plays on")
{
    const engine::GameWithView* game = launcher::allGames().front();
    REQUIRE(game->info().id == "tictactoe");
    std::vector<engine::ReplayLine> replay;
    for (const std::string position : {"5", "51", "513"})
    {
        engine::Snapshot snapshot;
        snapshot.game = "tictactoe";
        snapshot.version = game->info().protocolVersion;
        snapshot.round = 1;
        snapshot.players = {"ann", "bob"};
        snapshot.position = position;
        replay.push_back({static_cast<int>(replay.size()) + 2, snapshot});
    }
    engine::FontHolder fonts;
    engine::loadFonts(fonts);
    const engine::Theme theme;
    engine::Context context{fonts, theme, mqtt::EventQueue{}};
    engine::SceneStack stack(context);
    auto scene = std::make_unique<engine::ViewerScene>(stack, *game, replay, "three.jsonl");
    engine::ViewerScene& viewer = *scene;
    stack.push(std::move(scene));
    stack.applyPendingChanges();

    CHECK(viewer.step() == 2); // it opens at the end
    stack.handleEvent(key(sf::Keyboard::Left));
    CHECK(viewer.step() == 1);
    stack.handleEvent(key(sf::Keyboard::Home));
    CHECK(viewer.step() == 0);
    stack.handleEvent(key(sf::Keyboard::Left));
    CHECK(viewer.step() == 0); // nothing before the first
    stack.handleEvent(key(sf::Keyboard::End));
    CHECK(viewer.step() == 2);
    stack.handleEvent(key(sf::Keyboard::Right));
    CHECK(viewer.step() == 2); // nothing after the last
    CHECK_FALSE(viewer.nextWake());
    // Space at the end plays it from the start again; a step is then due within a second.
    stack.handleEvent(key(sf::Keyboard::Space));
    CHECK(viewer.step() == 0);
    REQUIRE(viewer.nextWake());
    CHECK(*viewer.nextWake() - std::chrono::steady_clock::now() <= std::chrono::seconds(1));
    stack.handleEvent(key(sf::Keyboard::Space)); // and stops
    CHECK_FALSE(viewer.nextWake());
}
