#include "MenuScene.hpp"

#include "LobbyScene.hpp"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTarget.hpp>

#include <mqttgames/engine/Context.hpp>
#include <mqttgames/engine/SceneStack.hpp>
#include <mqttgames/engine/Shapes.hpp>
#include <mqttgames/engine/Text.hpp>

namespace runner
{

namespace
{
constexpr float Left = 80.f;
constexpr float Width = 480.f;
constexpr float FieldHeight = 50.f;

std::vector<std::string> gameTitles(const GameRegistry& registry)
{
    std::vector<std::string> titles;
    for (const auto& game : registry.games())
        titles.push_back(game->info().title);
    return titles;
}

std::size_t gameIndex(const GameRegistry& registry, const engine::GameWithView* game)
{
    for (std::size_t i = 0; i < registry.games().size(); ++i)
        if (registry.games()[i] == game)
            return i;
    return 0;
}
} // namespace

MenuScene::MenuScene(engine::SceneStack& stack, const GameRegistry& registry, Choice defaults, std::string brokerNote)
    : Scene(stack),
      m_registry(&registry),
      m_defaults(std::move(defaults)),
      m_brokerNote(std::move(brokerNote)),
      m_game(context().fonts.get(engine::FontId::Bold), context().theme, "Game", {Left, 188.f, Width, FieldHeight},
             gameTitles(registry), gameIndex(registry, m_defaults.game)),
      m_name(context().fonts.get(engine::FontId::Regular), context().theme, "Your name", {Left, 276.f, Width, FieldHeight}, m_defaults.name),
      m_opponent(context().fonts.get(engine::FontId::Regular), context().theme, "Opponent", {Left, 364.f, Width, FieldHeight}, {}),
      m_room(context().fonts.get(engine::FontId::Regular), context().theme, "Room", {Left, 452.f, Width, FieldHeight}, m_defaults.room),
      m_host(context().fonts.get(engine::FontId::Regular), context().theme, "Broker", {Left, 540.f, 340.f, FieldHeight}, m_defaults.host),
      m_port(context().fonts.get(engine::FontId::Regular), context().theme, "Port", {Left + 352.f, 540.f, Width - 352.f, FieldHeight},
             std::to_string(m_defaults.port)),
      m_play(context().fonts.get(engine::FontId::Bold), context().theme, "Play", {Left, 624.f, Width, 56.f}, [this] { play(); })
{
    m_play.setPrimary(true);
    m_port.setFilter([](char32_t c) { return c >= U'0' && c <= U'9'; });
    m_port.setMaxLength(5);
    m_name.setMaxLength(20);
    m_room.setMaxLength(24);
    m_room.setFilter([](char32_t c) { return c != U'/' && c != U'+' && c != U'#' && c != U' '; });
    m_game.setOnChange([this](std::size_t) { refreshOpponents(); });
    m_opponent.setOnChange([this](std::size_t index) { m_play.setLabel(index == Lobby ? "See who waits" : "Play"); });
    refreshOpponents();
    if (m_defaults.vsComputer)
        m_opponent.setIndex(static_cast<std::size_t>(*m_defaults.vsComputer) + FirstLevel);
    else if (m_defaults.privateRoom)
        m_opponent.setIndex(PrivateRoom);
    m_play.setLabel(m_opponent.index() == Lobby ? "See who waits" : "Play");
}

void MenuScene::refreshOpponents()
{
    const auto& game = *m_registry->games().at(m_game.index());
    std::vector<std::string> options{"Someone in the lobby", "A friend, in a private room"};
    for (const auto& level : game.info().botLevels)
        options.push_back("Computer \xC2\xB7 " + level);
    const std::size_t keep = m_opponent.index();
    m_opponent.setOptions(std::move(options), keep);
}

Choice MenuScene::choice() const
{
    Choice choice = m_defaults;
    choice.game = m_registry->games().at(m_game.index());
    choice.name = m_name.text().empty() ? "Player" : m_name.text();
    choice.host = m_host.text().empty() ? "127.0.0.1" : m_host.text();
    choice.room = m_room.text().empty() ? "lobby" : m_room.text();
    try
    {
        choice.port = m_port.text().empty() ? 1883 : std::stoi(m_port.text());
    }
    catch (const std::exception&)
    {
        choice.port = 0;
    }
    choice.vsComputer.reset();
    if (m_opponent.index() >= FirstLevel)
        choice.vsComputer = static_cast<int>(m_opponent.index() - FirstLevel);
    choice.privateRoom = m_opponent.index() == PrivateRoom;
    choice.window = true;
    return choice;
}

void MenuScene::play()
{
    const Choice chosen = choice();
    if (chosen.port < 1 || chosen.port > 65535)
    {
        m_error = "The port must be a number from 1 to 65535";
        return;
    }
    m_error.clear();
    // Back from the game or the lobby, the menu (still below it) shows again.
    if (m_opponent.index() == Lobby)
        requestPush(std::make_unique<LobbyScene>(stack(), chosen));
    else
        pushPlayScene(stack(), chosen, nullptr);
}

bool MenuScene::handleEvent(const sf::Event& event)
{
    if (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::Return)
    {
        play();
        return false;
    }
    if (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::Escape)
    {
        context().quit();
        return false;
    }
    if (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::Tab)
    {
        engine::TextField* fields[] = {&m_name, &m_room, &m_host, &m_port};
        int focused = -1;
        for (int i = 0; i < 4; ++i)
            if (fields[i]->hasFocus())
                focused = i;
        for (auto* field : fields)
            field->setFocus(false);
        fields[(focused + 1) % 4]->setFocus(true);
        return false;
    }
    m_game.handleEvent(event);
    m_opponent.handleEvent(event);
    m_name.handleEvent(event);
    m_room.handleEvent(event);
    m_host.handleEvent(event);
    m_port.handleEvent(event);
    m_play.handleEvent(event);
    return false;
}

bool MenuScene::update(sf::Time)
{
    return false;
}

void MenuScene::draw(sf::RenderTarget& target) const
{
    const engine::Theme& theme = context().theme;
    const sf::Font& bold = context().fonts.get(engine::FontId::Bold);
    const sf::Font& regular = context().fonts.get(engine::FontId::Regular);
    sf::RectangleShape background(context().size);
    background.setFillColor(theme.background);
    target.draw(background);

    // The title (the game's own in a program of one game), with a small X and O beside it in the
    // players' colours.
    const float centreX = context().size.x / 2.f;
    const auto& games = m_registry->games();
    const bool oneGame = games.size() == 1;
    const std::string title = oneGame ? games.front()->info().title : "mqttgames";
    const std::string tagline = oneGame ? "A two-player game over MQTT" : "Two-player games over MQTT";
    target.draw(engine::centredText(bold, title, 46, theme.text, {centreX, 86.f}));
    target.draw(engine::capsule({centreX - 196.f, 74.f}, {centreX - 174.f, 96.f}, 7.f, theme.playerOne));
    target.draw(engine::capsule({centreX - 196.f, 96.f}, {centreX - 174.f, 74.f}, 7.f, theme.playerOne));
    sf::CircleShape ring(10.f, 48);
    ring.setOrigin(10.f, 10.f);
    ring.setPosition(centreX + 186.f, 85.f);
    ring.setFillColor(sf::Color::Transparent);
    ring.setOutlineThickness(6.f);
    ring.setOutlineColor(theme.playerTwo);
    target.draw(ring);
    target.draw(engine::centredText(regular, tagline, 18, theme.mutedText, {centreX, 130.f}));

    target.draw(m_game);
    target.draw(m_name);
    target.draw(m_opponent);
    target.draw(m_room);
    target.draw(m_host);
    target.draw(m_port);
    target.draw(m_play);

    if (!m_error.empty())
        target.draw(engine::centredText(regular, m_error, 16, theme.bad, {centreX, 706.f}));
    else
        target.draw(engine::centredText(regular, m_brokerNote, 15, theme.mutedText, {centreX, 706.f}));
    target.draw(engine::centredText(regular, "Enter: play   \xC2\xB7   Tab: next field   \xC2\xB7   Esc: quit", 13,
                                    engine::fade(theme.mutedText, 0.7f), {centreX, 736.f}));
}

} // namespace runner
