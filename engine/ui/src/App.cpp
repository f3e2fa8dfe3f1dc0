#include <mqttgames/engine/App.hpp>

#include <chrono>

#include <mqttgames/engine/Letterbox.hpp>

namespace engine
{

namespace
{
// Waiting on the queue at most this long lets window input through promptly while idle.
constexpr std::chrono::milliseconds IdleWait{15};

void toDesign(sf::Event& event, sf::Vector2u windowSize, sf::Vector2f designSize)
{
    const auto convert = [&](int& x, int& y)
    {
        const sf::Vector2f design = windowToDesign({x, y}, windowSize, designSize);
        x = static_cast<int>(design.x);
        y = static_cast<int>(design.y);
    };
    switch (event.type)
    {
        case sf::Event::MouseMoved: convert(event.mouseMove.x, event.mouseMove.y); break;
        case sf::Event::MouseButtonPressed:
        case sf::Event::MouseButtonReleased: convert(event.mouseButton.x, event.mouseButton.y); break;
        case sf::Event::MouseWheelScrolled: convert(event.mouseWheelScroll.x, event.mouseWheelScroll.y); break;
        default: break;
    }
}
} // namespace

App::App(Settings settings, mqtt::EventQueue queue)
    : m_context{m_fonts, m_theme, std::move(queue), settings.size, [this] { m_quit = true; }},
      m_scenes(m_context),
      m_loop(m_context.queue)
{
    loadFonts(m_fonts);
    sf::ContextSettings gl;
    gl.antialiasingLevel = settings.antialiasing;
    const sf::VideoMode desktop = sf::VideoMode::getDesktopMode();
    const sf::Vector2u size = initialWindowSize(settings.size, {desktop.width, desktop.height}, settings.maxWindowHeight);
    m_window.create(sf::VideoMode(size.x, size.y), settings.title, sf::Style::Default, gl);
    m_window.setFramerateLimit(settings.framerateLimit);
    m_window.setView(letterboxView(m_window.getSize(), m_context.size));
}

// Scenes may hold matches whose threads post to the queue; they go before the window.
App::~App() = default;

void App::run()
{
    sf::Clock clock;
    bool redraw = true;
    while (m_window.isOpen() && !m_quit)
    {
        sf::Event event;
        while (m_window.pollEvent(event))
            handleWindowEvent(event, redraw);

        if (m_loop.step(std::chrono::milliseconds(0)) > 0)
            redraw = true;
        const sf::Time dt = std::min(clock.restart(), sf::seconds(0.1f));
        m_scenes.update(dt);
        if (m_scenes.applyPendingChanges())
            redraw = true;
        if (m_scenes.isEmpty())
            break;

        if (redraw || m_scenes.isAnimating())
        {
            draw(); // display() paces the loop to the frame limit
            redraw = false;
            continue;
        }
        // Nothing to show: sleep on the queue instead of spinning; a posted call, or a match's timer
        // coming due, wakes us at once.
        if (m_loop.step(IdleWait, m_scenes.nextWake()) > 0)
            redraw = true;
    }
    m_window.close();
}

void App::handleWindowEvent(sf::Event event, bool& redraw)
{
    if (event.type == sf::Event::Closed)
    {
        m_quit = true;
        return;
    }
    if (event.type == sf::Event::Resized)
        m_window.setView(letterboxView(m_window.getSize(), m_context.size));
    toDesign(event, m_window.getSize(), m_context.size);
    m_scenes.handleEvent(event);
    m_scenes.applyPendingChanges();
    redraw = true;
}

void App::draw()
{
    m_window.clear(sf::Color(16, 18, 26)); // the letterbox bars
    m_window.setView(letterboxView(m_window.getSize(), m_context.size));
    m_scenes.draw(m_window);
    m_window.display();
    if (m_frameObserver)
        m_frameObserver();
}

} // namespace engine
