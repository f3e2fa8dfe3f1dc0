#pragma once

#include <functional>
#include <string>
#include <utility>

#include <SFML/Graphics/RenderWindow.hpp>

#include <mqttgames/engine/Context.hpp>
#include <mqttgames/engine/Loop.hpp>
#include <mqttgames/engine/SceneStack.hpp>

namespace engine
{

/// One window and its main loop: drain the queue, pass input to the scenes, update, draw. Draws only
/// when something changed or moves; otherwise it waits on the queue (a network event wakes it at once),
/// so an idle game costs next to no CPU. Main thread only.
class App
{
public:
    struct Settings
    {
        std::string title = "mqttgames";
        /// The design size; the window shows it letterboxed at any window size.
        sf::Vector2f size{640.f, 760.f};
        /// The window opens at most this tall (a 1366x768 laptop with a panel shows all of it), and
        /// smaller on a smaller screen.
        unsigned maxWindowHeight = 700;
        unsigned antialiasing = 8;
        unsigned framerateLimit = 60;
    };

    /// Loads the fonts (throws naming a missing file) and opens the window. Check displayAvailable()
    /// first: SFML ends the program when there is no display.
    App(Settings settings, mqtt::EventQueue queue);
    ~App();

    Context& context() { return m_context; }
    SceneStack& scenes() { return m_scenes; }
    /// Runs until the window closes, quit() is called, or the scene stack is empty.
    void run();
    /// Called on the main thread right after each frame is shown (after display()), for measurements.
    void setFrameObserver(std::function<void()> observer) { m_frameObserver = std::move(observer); }

private:
    void handleWindowEvent(sf::Event event, bool& redraw);
    void draw();

    FontHolder m_fonts;
    Theme m_theme;
    Context m_context;
    SceneStack m_scenes;
    Loop m_loop; // no seats of its own: the scenes update their matches
    sf::RenderWindow m_window;
    bool m_quit = false;
    std::function<void()> m_frameObserver;
};

} // namespace engine
