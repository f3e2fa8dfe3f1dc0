#include <catch2/catch.hpp>

#include "Overlays.hpp"

namespace
{

sf::Event eventOf(sf::Event::EventType type)
{
    sf::Event event{};
    event.type = type;
    return event;
}

sf::Event key(sf::Keyboard::Key code)
{
    sf::Event event = eventOf(sf::Event::KeyPressed);
    event.key.code = code;
    return event;
}

} // namespace

TEST_CASE("engine::WaitingOverlay")
{
    using engine::WaitingOverlay;

    SECTION("the window's own events and the pointer's motion reach the play scene under the card")
    {
        for (const auto type : {sf::Event::Closed, sf::Event::Resized, sf::Event::LostFocus, sf::Event::GainedFocus,
                                sf::Event::MouseMoved, sf::Event::MouseEntered, sf::Event::MouseLeft})
            CHECK(WaitingOverlay::passesThrough(eventOf(type)));
        CHECK(WaitingOverlay::passesThrough(key(sf::Keyboard::Escape)));
    }

    SECTION("what could make a move stays on the card")
    {
        CHECK_FALSE(WaitingOverlay::passesThrough(eventOf(sf::Event::MouseButtonPressed)));
        CHECK_FALSE(WaitingOverlay::passesThrough(eventOf(sf::Event::MouseButtonReleased)));
        CHECK_FALSE(WaitingOverlay::passesThrough(eventOf(sf::Event::TextEntered)));
        CHECK_FALSE(WaitingOverlay::passesThrough(key(sf::Keyboard::Num4)));
        CHECK_FALSE(WaitingOverlay::passesThrough(key(sf::Keyboard::Enter)));
    }
}
