// The lobby's screen: a click on a waiting player's room pairs with it, through a real broker.
#include <catch2/catch.hpp>

#include <mqttgames/engine/Assets.hpp>
#include <mqttgames/engine/Context.hpp>
#include <mqttgames/engine/Loop.hpp>
#include <mqttgames/engine/PlayScene.hpp>
#include <mqttgames/engine/SceneStack.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/testing/TwoSeats.hpp>

#include "AllGames.hpp"
#include "LobbyScene.hpp"

using namespace std::chrono_literals;

TEST_CASE("A click on a room in the lobby pairs with the player waiting there")
{
    const engine::GameWithView& game = *launcher::allGames().front();
    mqtt::LoopbackBroker broker;
    engine::FontHolder fonts;
    engine::loadFonts(fonts);
    const engine::Theme theme;
    engine::Context context{fonts, theme, mqtt::EventQueue{}};
    engine::SceneStack stack(context);

    engine::Match ann(game, context.queue, engine::personSeat(broker.host(), broker.port(), "kitchen", "Ann"));
    ann.connect();
    runner::Choice choice;
    choice.game = &game;
    choice.host = broker.host();
    choice.port = broker.port();
    choice.name = "Dan";
    choice.record = false;
    auto lobby = std::make_unique<runner::LobbyScene>(stack, choice);
    const runner::LobbyScene& shown = *lobby;
    stack.push(std::move(lobby));
    stack.applyPendingChanges();

    engine::Loop loop(context.queue);
    loop.add(ann);
    const auto until = [&](auto done)
    {
        const auto deadline = std::chrono::steady_clock::now() + 10s;
        while (!done() && std::chrono::steady_clock::now() < deadline)
        {
            loop.step(20ms, deadline);
            stack.update(sf::milliseconds(20));
            stack.applyPendingChanges();
        }
        return done();
    };
    REQUIRE(until([&] { return shown.board().rooms().size() == 1; }));
    CHECK(shown.board().rooms().front().name == "Ann");

    // Ann's row is the first under the title: a click in its middle joins her room.
    sf::Event click{};
    click.type = sf::Event::MouseButtonPressed;
    click.mouseButton = {sf::Mouse::Left, 320, 178};
    stack.handleEvent(click);
    stack.applyPendingChanges();
    REQUIRE(dynamic_cast<engine::PlayScene*>(stack.top()));
    REQUIRE(until([&] { return ann.session().phase() == engine::Phase::Playing && shown.board().rooms().empty(); }));
    CHECK(ann.session().partnerName() == "Dan");
}
