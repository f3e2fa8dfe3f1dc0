#include <catch2/catch.hpp>

#include <mqttgames/engine/GridGeometry.hpp>
#include <mqttgames/engine/Letterbox.hpp>

using engine::Cell;
using engine::GridGeometry;

TEST_CASE("engine::GridGeometry")
{
    SECTION("cells, gaps and the origin give each cell's square")
    {
        const GridGeometry grid(3, 3, 100.f, 10.f, {20.f, 30.f});
        CHECK(grid.size() == sf::Vector2f(320.f, 320.f));
        CHECK(grid.cellBounds({0, 0}) == sf::FloatRect(20.f, 30.f, 100.f, 100.f));
        CHECK(grid.cellBounds({2, 1}) == sf::FloatRect(130.f, 250.f, 100.f, 100.f));
        CHECK(grid.cellCentre({1, 1}) == sf::Vector2f(180.f, 190.f));
        CHECK(grid.indexOf({2, 1}) == 7);
        CHECK(grid.cellOf(7) == Cell{2, 1});
    }

    SECTION("a point maps to the cell under it, and to nothing off the grid or in a gap")
    {
        const GridGeometry grid(6, 7, 50.f, 4.f, {10.f, 10.f});
        CHECK(grid.cellAt({10.f, 10.f}) == Cell{0, 0});
        CHECK(grid.cellAt({59.9f, 59.9f}) == Cell{0, 0});
        CHECK_FALSE(grid.cellAt({62.f, 20.f}));   // in the gap between columns 0 and 1
        CHECK(grid.cellAt({65.f, 20.f}) == Cell{0, 1});
        CHECK(grid.cellAt({10.f + 6 * 54.f + 1.f, 10.f + 5 * 54.f + 1.f}) == Cell{5, 6});
        CHECK_FALSE(grid.cellAt({9.f, 20.f}));
        CHECK_FALSE(grid.cellAt({20.f, 9.f}));
        CHECK_FALSE(grid.cellAt({10.f + 7 * 54.f, 20.f}));
        CHECK(grid.columnAt(65.f) == 1);
        CHECK_FALSE(grid.columnAt(1000.f));
    }

    SECTION("fit() makes the largest square cells that fit, centred")
    {
        const GridGeometry grid = GridGeometry::fit(3, 3, {0.f, 0.f, 400.f, 300.f}, 0.f);
        CHECK(grid.cellSize() == Approx(100.f));
        CHECK(grid.origin() == sf::Vector2f(50.f, 0.f));
        const GridGeometry wide = GridGeometry::fit(6, 7, {0.f, 0.f, 700.f, 700.f}, 0.1f);
        CHECK(wide.size().x == Approx(700.f));
        CHECK(wide.size().y < 700.f);
    }

    SECTION("a resized window keeps the design's shape, with bars on the sides left over")
    {
        const sf::Vector2f design{640.f, 760.f};
        const sf::FloatRect same = engine::letterboxViewport({640, 760}, design);
        CHECK(same == sf::FloatRect(0.f, 0.f, 1.f, 1.f));

        const sf::FloatRect wide = engine::letterboxViewport({1520, 760}, design); // twice as wide
        CHECK(wide.height == Approx(1.f));
        CHECK(wide.width == Approx(640.f / 1520.f));
        CHECK(wide.left == Approx((1.f - 640.f / 1520.f) / 2.f));

        const sf::FloatRect tall = engine::letterboxViewport({320, 1000}, design);
        CHECK(tall.width == Approx(1.f));
        CHECK(tall.height * 1000.f == Approx(380.f));
    }

    SECTION("a window opens no taller than asked and fits a small screen with a panel, undistorted")
    {
        const sf::Vector2f design{640.f, 760.f};
        const sf::Vector2u big = engine::initialWindowSize(design, {1920, 1080}, 700);
        CHECK(big.y == 700);
        CHECK(static_cast<float>(big.x) / static_cast<float>(big.y) == Approx(640.f / 760.f).epsilon(0.01));
        // A 1366x768 laptop: the window and its title bar stay above a panel of 60 px.
        const sf::Vector2u laptop = engine::initialWindowSize(design, {1366, 768}, 700);
        CHECK(laptop.y + 30 <= 768 - 60);
        CHECK(static_cast<float>(laptop.x) / static_cast<float>(laptop.y) == Approx(640.f / 760.f).epsilon(0.01));
        // Never scaled up; an unknown screen leaves only the height limit.
        CHECK(engine::initialWindowSize({300.f, 200.f}, {1920, 1080}, 700) == sf::Vector2u(300, 200));
        CHECK(engine::initialWindowSize(design, {0, 0}, 700).y == 700);
    }

    SECTION("window pixels map back to design units through the letterbox")
    {
        const sf::Vector2f design{640.f, 760.f};
        // Window twice the size: every pixel halves.
        const sf::Vector2f doubled = engine::windowToDesign({640, 380}, {1280, 1520}, design);
        CHECK(doubled.x == Approx(320.f));
        CHECK(doubled.y == Approx(190.f));
        // Wide window: a bar of 440 px on the left; its edge is design x = 0.
        const sf::Vector2f barEdge = engine::windowToDesign({440, 0}, {1520, 760}, design);
        CHECK(barEdge.x == Approx(0.f));
        CHECK(engine::windowToDesign({100, 0}, {1520, 760}, design).x < 0.f);
        // A grid in design units therefore finds the same cell whatever the window size.
        const GridGeometry grid(3, 3, 100.f, 0.f, {170.f, 200.f});
        const sf::Vector2f point = engine::windowToDesign({440 + 330, 250}, {1520, 760}, design);
        CHECK(grid.cellAt(point) == Cell{0, 1});
    }
}
