#include <catch2/catch.hpp>

#include <SFML/Graphics/Image.hpp>

#include <mqttgames/battleship/Game.hpp>
#include <mqttgames/battleship/View.hpp>
#include <mqttgames/engine/Display.hpp>
#include <mqttgames/engine/PlayScene.hpp>
#include <mqttgames/engine/Screenshot.hpp>

#include "HeldDisplay.hpp"
#include "support/Pixels.hpp"
#include "support/PlayStage.hpp"

using battleship::Coord;
using testsupport::brightness;
using testsupport::near;

namespace
{

// What the playing scene drew, with the round it showed and where its seas were put.
struct Shot
{
    sf::Image image;
    sf::Transform toScreen;
    engine::GridGeometry own;
    engine::GridGeometry target;
    std::optional<battleship::Round> round;
    sf::FloatRect boardArea;
    std::string error;
};

Shot render(const std::string& position)
{
    Shot shot;
    const battleship::Game game;
    testsupport::PlayStage stage(game, position);
    shot.error = stage.error;
    if (!shot.error.empty())
        return shot;
    shot.round = static_cast<const battleship::Round&>(*stage.session().round());
    if (!testsupport::capture(stage.stack(), "battleship", shot.image, shot.error))
        return shot;
    const engine::PlayScene& play = stage.scene();
    const auto* view = dynamic_cast<const battleship::View*>(play.view());
    if (!view)
    {
        shot.error = "the scene shows no Battleship view";
        return shot;
    }
    shot.toScreen = view->getTransform();
    shot.own = view->ownSea().grid();
    shot.target = view->targetSea().grid();
    shot.boardArea = play.boardArea();
    return shot;
}

// The first cell of the sea for which `wanted` holds.
template <typename Predicate>
std::optional<Coord> find(Predicate wanted)
{
    for (int index = 0; index < battleship::SeaCells; ++index)
        if (wanted(battleship::coordAt(index)))
            return battleship::coordAt(index);
    return std::nullopt;
}

} // namespace

TEST_CASE("battleship screenshot")
{
    REQUIRE(holdDisplay()); // run with DISPLAY set (label: display)
    REQUIRE(engine::displayAvailable());
    static const Shot shot = render("7 auto 50");
    INFO(shot.error);
    REQUIRE(shot.error.empty());
    const sf::Image& image = shot.image;
    const engine::Theme theme;
    const battleship::Round& round = *shot.round;
    REQUIRE(round.protocol().stage() == battleship::Stage::Shooting);
    const auto pixel = [&](const engine::GridGeometry& grid, Coord cell)
    {
        return testsupport::pixelAt(image, shot.toScreen.transformPoint(grid.cellCentre({cell.row, cell.column})));
    };

    SECTION("the image has the design size and is not blank")
    {
        REQUIRE(image.getSize() == sf::Vector2u(640, 760));
        CHECK(testsupport::colourChanges(image) > 200);
    }

    SECTION("our fleet is on the left, enemy waters on the right, both inside the board area")
    {
        const sf::FloatRect own = shot.toScreen.transformRect(shot.own.bounds());
        const sf::FloatRect target = shot.toScreen.transformRect(shot.target.bounds());
        CHECK(shot.boardArea.contains(own.left, own.top));
        CHECK(shot.boardArea.contains(target.left + target.width, target.top + target.height));
        CHECK(own.left + own.width < target.left);
        CHECK(own.top == Approx(target.top));
        CHECK(own.left < 320.f);
        CHECK(target.left > 320.f);
        CHECK(brightness(image.getPixel(4, 380)) < brightness(theme.panelRaised)); // the background beside
    }

    SECTION("our sea shows our ships, the partner's hits and misses")
    {
        const battleship::OwnSea& sea = *round.protocol().ownSea();
        const auto ship = find([&](Coord cell) { return sea.fleet().shipAt(cell) && !sea.isShot(cell); });
        const auto water = find([&](Coord cell) { return !sea.fleet().shipAt(cell) && !sea.isShot(cell); });
        const auto miss = find([&](Coord cell) { return !sea.fleet().shipAt(cell) && sea.isShot(cell); });
        REQUIRE(ship);
        REQUIRE(water);
        REQUIRE(miss);
        CHECK(near(pixel(shot.own, *ship), engine::mix(theme.panelRaised, theme.playerOne, 0.55f)));
        CHECK(near(pixel(shot.own, *water), theme.panelRaised));
        CHECK(near(pixel(shot.own, *miss), theme.mutedText));
    }

    SECTION("enemy waters show our hits, misses and sunk ships, and nothing where we have not shot")
    {
        const battleship::TargetSea& sea = round.protocol().targetSea();
        REQUIRE(sea.shipsSunk() > 0);
        const auto sunk = find([&](Coord cell) { return sea.at(cell) == battleship::CellState::Sunk; });
        const auto miss = find([&](Coord cell) { return sea.at(cell) == battleship::CellState::Miss; });
        const auto unknown = find([&](Coord cell) { return sea.at(cell) == battleship::CellState::Unknown; });
        REQUIRE(sunk);
        REQUIRE(miss);
        REQUIRE(unknown);
        CHECK(near(pixel(shot.target, *sunk), theme.bad));
        CHECK(near(pixel(shot.target, *miss), theme.mutedText));
        CHECK(near(pixel(shot.target, *unknown), theme.panelRaised));
    }
}

TEST_CASE("battleship::View")
{
    REQUIRE(holdDisplay()); // text metrics need an OpenGL context (label: display)
    REQUIRE(engine::displayAvailable());
    engine::FontHolder fonts;
    engine::loadFonts(fonts);
    const engine::Theme theme;
    battleship::Round round(true);
    battleship::View view(round, fonts, theme);
    const battleship::SeaView& own = view.ownSea();
    const battleship::SeaView& target = view.targetSea();

    const auto mouse = [](sf::Event::EventType type, sf::Mouse::Button button = sf::Mouse::Left)
    {
        sf::Event event;
        event.type = type;
        if (type == sf::Event::MouseMoved)
            event.mouseMove = {0, 0};
        else
            event.mouseButton = {button, 0, 0};
        return event;
    };
    const auto key = [](sf::Keyboard::Key code)
    {
        sf::Event event;
        event.type = sf::Event::KeyPressed;
        event.key = {code, false, false, false, false};
        return event;
    };
    // Picks a ship up by its origin and lets it go at `to`; returns any action.
    const auto drag = [&](std::size_t index, Coord to)
    {
        const Coord from = view.draft().ships()[index].origin;
        view.handleEvent(mouse(sf::Event::MouseMoved), own.cellCentre(from), true);
        view.handleEvent(mouse(sf::Event::MouseButtonPressed), own.cellCentre(from), true);
        view.handleEvent(mouse(sf::Event::MouseMoved), own.cellCentre(to), true);
        return view.handleEvent(mouse(sf::Event::MouseButtonReleased), own.cellCentre(to), true);
    };

    SECTION("ships are dragged to free water; a drop where one does not fit sends it back")
    {
        const battleship::Ship before = view.draft().ships()[0];
        std::optional<Coord> free;
        std::optional<Coord> taken;
        for (int index = 0; index < battleship::SeaCells; ++index)
        {
            battleship::Ship moved = before;
            moved.origin = battleship::coordAt(index);
            if (moved.origin == before.origin)
                continue;
            (view.draft().canPlace(0, moved) ? free : taken) = moved.origin;
        }
        REQUIRE(free);
        REQUIRE(taken);
        CHECK_FALSE(drag(0, *free));
        CHECK(view.draft().ships()[0].origin == *free);
        const battleship::Fleet placed = view.draft();
        drag(0, *taken);
        CHECK(view.draft() == placed);
    }

    SECTION("R and a right-click turn the ship under the pointer when it fits")
    {
        const auto& ships = view.draft().ships();
        const battleship::Ship first = ships[0];
        battleship::Ship turned = first;
        turned.orientation = turned.orientation == battleship::Orientation::Horizontal ? battleship::Orientation::Vertical
                                                                                        : battleship::Orientation::Horizontal;
        const bool fits = view.draft().canPlace(0, turned);
        view.handleEvent(mouse(sf::Event::MouseMoved), own.cellCentre(first.origin), true);
        view.handleEvent(key(sf::Keyboard::R), own.cellCentre(first.origin), true);
        CHECK(view.draft().ships()[0] == (fits ? turned : first));
        view.handleEvent(mouse(sf::Event::MouseButtonPressed, sf::Mouse::Right), own.cellCentre(first.origin), true);
        CHECK(view.draft().ships()[0] == first);
    }

    SECTION("Enter or Ready yields the placement; nothing while the player may not act")
    {
        CHECK_FALSE(view.handleEvent(key(sf::Keyboard::Enter), {0.f, 0.f}, false));
        const auto action = view.handleEvent(key(sf::Keyboard::Enter), {0.f, 0.f}, true);
        REQUIRE(action);
        CHECK(std::get<std::string>(*action) == "place " + view.draft().toText());
    }

    SECTION("once the fleets are placed, a click on unknown enemy water shoots there")
    {
        std::string error;
        REQUIRE(round.load("7 A1 B1", error));
        view.update(sf::seconds(0.1f), true);
        const sf::Vector2f shotAlready = target.cellCentre({0, 0});
        const sf::Vector2f fresh = target.cellCentre({4, 6});
        CHECK_FALSE(view.handleEvent(mouse(sf::Event::MouseButtonPressed), shotAlready, true));
        CHECK_FALSE(view.handleEvent(mouse(sf::Event::MouseButtonPressed), fresh, false));
        CHECK_FALSE(view.handleEvent(mouse(sf::Event::MouseButtonPressed), own.cellCentre({4, 6}), true));
        const auto action = view.handleEvent(mouse(sf::Event::MouseButtonPressed), fresh, true);
        REQUIRE(action);
        CHECK(std::get<std::string>(*action) == "E7");
    }
}
