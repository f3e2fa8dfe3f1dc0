#include <catch2/catch.hpp>

#include <SFML/Graphics/Image.hpp>

#include <mqttgames/engine/Display.hpp>
#include <mqttgames/engine/PlayScene.hpp>
#include <mqttgames/engine/Screenshot.hpp>
#include <mqttgames/tictactoe/Game.hpp>
#include <mqttgames/tictactoe/View.hpp>

#include "support/Pixels.hpp"
#include "support/PlayStage.hpp"

using testsupport::brightness;
using testsupport::near;

namespace
{

// What the playing scene drew, with where it put the board: rendered once, checked by every section.
struct Shot
{
    sf::Image image;
    sf::Transform toScreen;
    engine::GridGeometry grid;
    sf::FloatRect boardArea;
    std::string error;
};

Shot render()
{
    Shot shot;
    const tictactoe::Game game;
    testsupport::PlayStage stage(game, "5137"); // X: 5, 3; O: 1, 7
    shot.error = stage.error;
    if (!shot.error.empty() || !testsupport::capture(stage.stack(), "tictactoe", shot.image, shot.error))
        return shot;
    const engine::PlayScene& play = stage.scene();
    const auto* view = dynamic_cast<const tictactoe::View*>(play.view());
    if (!view)
    {
        shot.error = "the scene shows no tic-tac-toe view";
        return shot;
    }
    shot.toScreen = view->getTransform();
    shot.grid = view->grid();
    shot.boardArea = play.boardArea();
    return shot;
}

} // namespace

TEST_CASE("tictactoe screenshot")
{
    REQUIRE(engine::displayAvailable()); // run with DISPLAY set (label: display)
    static const Shot shot = render();
    INFO(shot.error);
    REQUIRE(shot.error.empty());
    const sf::Image& image = shot.image;
    const engine::Theme theme;

    SECTION("the image has the design size and is not blank")
    {
        REQUIRE(image.getSize() == sf::Vector2u(640, 760));
        CHECK(testsupport::colourChanges(image) > 100);
    }

    SECTION("the board is where the scene placed it, with X and O in their cells")
    {
        const auto cellCentre = [&](int cell) { return shot.toScreen.transformPoint(shot.grid.cellCentre(shot.grid.cellOf(cell))); };
        const auto pixel = [&](sf::Vector2f point) { return testsupport::pixelAt(image, point); };

        // The board lies inside the area the scene gives it, below the status bar.
        const sf::Vector2f topLeft = shot.toScreen.transformPoint(0.f, 0.f);
        CHECK(shot.boardArea.contains(topLeft));
        CHECK(topLeft.y > 90.f);

        // An X is drawn through its cell's centre (both strokes cross there); an O leaves it empty.
        CHECK(near(pixel(cellCentre(4)), theme.playerOne));
        CHECK(near(pixel(cellCentre(2)), theme.playerOne));
        const sf::Vector2f oCentre = cellCentre(0);
        CHECK(near(pixel(oCentre), theme.panelRaised));
        const float ringRadius = shot.grid.cellSize() * 0.27f * 1.08f * shot.toScreen.transformRect({0, 0, 1, 1}).width;
        CHECK(near(pixel({oCentre.x + ringRadius, oCentre.y}), theme.playerTwo));
        // An empty cell shows its tile; left of the board, the darker background.
        CHECK(near(pixel(cellCentre(8)), theme.panelRaised));
        CHECK(brightness(pixel({10.f, 380.f})) < brightness(theme.panelRaised));
    }
}
