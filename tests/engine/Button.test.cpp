#include <catch2/catch.hpp>

#include <SFML/Graphics/RenderTexture.hpp>

#include <mqttgames/engine/Button.hpp>
#include <mqttgames/engine/Letterbox.hpp>

namespace
{

sf::Event mouse(sf::Event::EventType type, int x, int y)
{
    sf::Event event{};
    event.type = type;
    if (type == sf::Event::MouseMoved)
        event.mouseMove = {x, y};
    else
        event.mouseButton = {sf::Mouse::Left, x, y};
    return event;
}

} // namespace

TEST_CASE("engine::Button")
{
    const sf::Font font; // never drawn here
    const engine::Theme theme;
    int clicks = 0;
    engine::Button button(font, theme, "Go", {100.f, 50.f, 80.f, 40.f}, [&] { ++clicks; });

    SECTION("a click inside the box runs the action, one outside does not")
    {
        CHECK_FALSE(button.handleEvent(mouse(sf::Event::MouseButtonPressed, 90, 60)));
        CHECK(clicks == 0);
        CHECK(button.handleEvent(mouse(sf::Event::MouseButtonPressed, 120, 60)));
        CHECK(clicks == 1);
        button.setEnabled(false);
        button.handleEvent(mouse(sf::Event::MouseButtonPressed, 120, 60));
        CHECK(clicks == 1);
    }

    SECTION("a pointer given apart (a button in a scaled view) wins over the event's coordinates")
    {
        CHECK(button.handleEvent(mouse(sf::Event::MouseButtonPressed, 0, 0), {150.f, 70.f}));
        CHECK(clicks == 1);
        CHECK_FALSE(button.handleEvent(mouse(sf::Event::MouseButtonPressed, 120, 60), {10.f, 10.f}));
        CHECK(clicks == 1);
    }

    SECTION("window pixels are mapped through the target's view: a letterboxed, scaled design")
    {
        // A 400x300 design shown in an 800x800 window: scaled by 2, with bars above and below.
        sf::RenderTexture window;
        REQUIRE(window.create(800, 800));
        window.setView(engine::letterboxView(window.getSize(), {400.f, 300.f}));
        const sf::Vector2i inside = window.mapCoordsToPixel({140.f, 70.f});
        CHECK(inside != sf::Vector2i(140, 70));

        // In window pixels the design point (140, 70) is elsewhere: unmapped, the click misses.
        CHECK_FALSE(button.handleEvent(mouse(sf::Event::MouseButtonPressed, inside.x, inside.y)));
        CHECK(button.handleEvent(mouse(sf::Event::MouseButtonPressed, inside.x, inside.y), window));
        CHECK(clicks == 1);
        CHECK_FALSE(button.handleEvent(mouse(sf::Event::MouseButtonPressed, 140, 70), window));
        CHECK(clicks == 1);
    }
}
