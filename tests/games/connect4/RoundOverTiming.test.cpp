#include <catch2/catch.hpp>

#include <SFML/Window/Context.hpp>

#include <mqttgames/connect4/Game.hpp>
#include <mqttgames/connect4/View.hpp>
#include <mqttgames/engine/Context.hpp>
#include <mqttgames/engine/Display.hpp>
#include <mqttgames/engine/PlayScene.hpp>
#include <mqttgames/engine/SceneStack.hpp>

namespace
{

// One move before Red (this side) wins on the rising diagonal by dropping into column 5.
constexpr const char* OneMoveToWin = "4443663155223265";

} // namespace

TEST_CASE("connect4: the round's result waits for the last disc to land")
{
    REQUIRE(engine::displayAvailable()); // run with DISPLAY set (label: display)
    static const sf::Context keepDisplayOpen; // SFML cannot reopen the display in one process

    engine::FontHolder fonts;
    engine::loadFonts(fonts);
    const engine::Theme theme;
    engine::Context context{fonts, theme, mqtt::EventQueue{}};
    engine::SceneStack stack{context};
    const connect4::Game game;
    auto match = std::make_unique<engine::Match>(game, context.queue, engine::MatchSettings{});
    engine::Session& session = match->session();
    session.startOffline(true, "Computer");
    std::string error;
    REQUIRE(session.load(OneMoveToWin, error));
    auto owned = std::make_unique<engine::PlayScene>(stack, game, std::move(match), engine::PlayScene::Options{});
    const engine::PlayScene& scene = *owned;
    stack.push(std::move(owned));
    stack.applyPendingChanges();
    stack.update(sf::seconds(1.f));
    stack.applyPendingChanges();
    REQUIRE(stack.size() == 1);

    REQUIRE(session.act("5"));
    REQUIRE(session.phase() == engine::Phase::RoundOver);
    const sf::Time frame = sf::seconds(1.f / 60.f);
    stack.update(frame);
    stack.applyPendingChanges();
    REQUIRE(scene.view());
    CHECK(scene.view()->isAnimating());
    CHECK(stack.size() == 1); // no panel over a disc in the air

    int frames = 1;
    for (; scene.view()->isAnimating() && frames < 600; ++frames)
    {
        CHECK(stack.size() == 1);
        stack.update(frame);
        stack.applyPendingChanges();
    }
    CHECK(frames > 3);
    CHECK_FALSE(scene.view()->isAnimating());
    stack.update(frame);
    stack.applyPendingChanges();
    CHECK(stack.size() == 2); // the round-over panel, once the disc is down
}
