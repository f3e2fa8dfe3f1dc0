#include <catch2/catch.hpp>

#include <SFML/Window/Event.hpp>

#include <mqttgames/engine/PlayScene.hpp>
#include <mqttgames/tictactoe/Game.hpp>

#include "support/PlayStage.hpp"

// The buttons under the board, clicked where a player sees them.

using Proposal = engine::Session::Proposal;

TEST_CASE("The buttons under the board ask to take a move back and resign")
{
    const tictactoe::Game game;
    testsupport::PlayStage stage(game, "");
    REQUIRE(stage.error.empty());
    engine::Session& session = stage.session();
    engine::SceneStack& stack = stage.stack();
    stack.update(sf::Time::Zero);

    // The footer lies under the board; its buttons, right to left, in its first row: Resign (84
    // wide), Offer draw (104), Take back (100), 8 apart.
    const sf::FloatRect board = stage.scene().boardArea();
    const float right = board.left + board.width;
    const float row = board.top + board.height + 16.f + 6.f + 17.f;
    const float resign = right - 42.f;
    const float draw = right - 84.f - 8.f - 52.f;
    const float takeBack = right - 84.f - 8.f - 104.f - 8.f - 50.f;
    const auto click = [&](float x)
    {
        sf::Event event{};
        event.type = sf::Event::MouseButtonPressed;
        event.mouseButton = {sf::Mouse::Left, static_cast<int>(x), static_cast<int>(row)};
        stack.handleEvent(event);
        stack.update(sf::Time::Zero);
    };

    click(takeBack); // our turn: nothing of ours to take back, and the button is off
    CHECK_FALSE(session.localProposal());
    REQUIRE(session.act(engine::Action(std::string("5"))));
    stack.update(sf::Time::Zero);
    click(takeBack);
    CHECK(session.localProposal() == Proposal::Takeback);
    click(draw); // one proposal at a time
    CHECK(session.localProposal() == Proposal::Takeback);
    click(resign);
    CHECK(session.phase() == engine::Phase::RoundOver);
    CHECK(session.outcome() == engine::Outcome::Lost);
    CHECK(session.resultText() == "You resign");
}
