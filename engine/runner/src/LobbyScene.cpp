#include "LobbyScene.hpp"

#include <algorithm>

#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTarget.hpp>

#include <mqttgames/engine/Context.hpp>
#include <mqttgames/engine/SceneStack.hpp>
#include <mqttgames/engine/Shapes.hpp>
#include <mqttgames/engine/Text.hpp>
#include <mqttgames/mqtt/SafeText.hpp>

namespace runner
{

namespace
{
constexpr float RowLeft = 80.f;
constexpr float RowWidth = 480.f;
constexpr float ListTop = 150.f;
constexpr float RowHeight = 56.f;
constexpr float RowStep = 64.f;
constexpr std::size_t VisibleRows = 6;
// The clocks a room may be opened with: the first is none.
const std::vector<std::string> ClockChoices{"none", "1m+1s", "3m+2s", "5m+3s", "10m+5s", "30s/move"};
// The "waiting for" texts change by the minute: redrawn that often even when nothing comes.
constexpr std::chrono::seconds Relist{20};

std::string where(const Choice& choice)
{
    return choice.host + ":" + std::to_string(choice.port);
}
} // namespace

LobbyScene::LobbyScene(engine::SceneStack& stack, Choice choice)
    : Scene(stack),
      m_choice(std::move(choice)),
      m_board(m_choice.game->info().id, context().queue, m_choice),
      m_clock(context().fonts.get(engine::FontId::Regular), context().theme, "Clock of a room you open", {RowLeft, 552.f, RowWidth, 44.f},
              ClockChoices),
      m_open(context().fonts.get(engine::FontId::Bold), context().theme,
             "Open room \"" + mqtt::text::shortened(m_choice.room, 20) + "\"", {RowLeft, 608.f, RowWidth, 52.f}, [this] { openRoom(); }),
      m_computer(context().fonts.get(engine::FontId::Regular), context().theme, "Play the computer", {RowLeft, 670.f, RowWidth, 44.f},
                 [this] { playComputer(); })
{
    m_open.setPrimary(true);
    if (const auto chosen = std::ranges::find(ClockChoices, m_choice.clock.text()); chosen != ClockChoices.end())
        m_clock.setIndex(static_cast<std::size_t>(chosen - ClockChoices.begin()));
    m_computer.setTextSize(17);
    m_board.start();
}

void LobbyScene::join(std::size_t index)
{
    if (index >= m_rooms.size())
        return;
    Choice joining = m_choice;
    joining.room = m_rooms[index].room;
    joining.clock = m_rooms[index].clock; // joining accepts the room's clock
    joining.privateRoom = false; // should the player have gone meanwhile, we wait there in its place, listed
    pushPlayScene(stack(), joining, nullptr);
}

void LobbyScene::openRoom()
{
    Choice opening = m_choice;
    opening.privateRoom = false;
    std::string error;
    opening.clock = engine::TimeControl::parse(m_clock.value(), error).value_or(engine::TimeControl{});
    pushPlayScene(stack(), opening, nullptr);
}

void LobbyScene::playComputer()
{
    Choice computer = m_choice;
    computer.vsComputer = static_cast<int>(m_choice.game->info().botLevels.size() / 2);
    pushPlayScene(stack(), computer, nullptr);
}

std::optional<std::size_t> LobbyScene::rowAt(sf::Vector2f point) const
{
    for (std::size_t row = 0; row < VisibleRows && m_firstShown + row < m_rooms.size(); ++row)
        if (sf::FloatRect(RowLeft, ListTop + static_cast<float>(row) * RowStep, RowWidth, RowHeight).contains(point))
            return m_firstShown + row;
    return std::nullopt;
}

bool LobbyScene::handleEvent(const sf::Event& event)
{
    if (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::Escape)
        requestPop();
    else if (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::Return)
        openRoom();
    else if (event.type == sf::Event::MouseMoved)
        m_hover = rowAt({static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y)});
    else if (event.type == sf::Event::MouseButtonPressed && event.mouseButton.button == sf::Mouse::Left)
    {
        if (const auto row = rowAt({static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)}))
        {
            join(*row);
            return false;
        }
    }
    else if (event.type == sf::Event::MouseWheelScrolled && m_rooms.size() > VisibleRows)
    {
        const long most = static_cast<long>(m_rooms.size() - VisibleRows);
        const long next = static_cast<long>(m_firstShown) - static_cast<long>(event.mouseWheelScroll.delta);
        m_firstShown = static_cast<std::size_t>(std::clamp(next, 0L, most));
        m_hover.reset();
    }
    m_clock.handleEvent(event);
    m_open.handleEvent(event);
    m_computer.handleEvent(event);
    return false;
}

bool LobbyScene::update(sf::Time)
{
    const auto now = std::chrono::steady_clock::now();
    if (m_board.revision() != m_shownRevision || now >= m_listedAt + Relist)
    {
        m_shownRevision = m_board.revision();
        m_listedAt = now;
        m_rooms = m_board.rooms();
        m_firstShown = std::min(m_firstShown, m_rooms.size() > VisibleRows ? m_rooms.size() - VisibleRows : 0);
        m_hover.reset();
    }
    return false;
}

std::optional<std::chrono::steady_clock::time_point> LobbyScene::nextWake() const
{
    return m_listedAt + Relist;
}

void LobbyScene::draw(sf::RenderTarget& target) const
{
    const engine::Theme& theme = context().theme;
    const sf::Font& bold = context().fonts.get(engine::FontId::Bold);
    const sf::Font& regular = context().fonts.get(engine::FontId::Regular);
    sf::RectangleShape background(context().size);
    background.setFillColor(theme.background);
    target.draw(background);
    const float centreX = context().size.x / 2.f;
    target.draw(engine::centredText(bold, m_choice.game->info().title, 40, theme.text, {centreX, 70.f}));
    target.draw(engine::centredText(regular, "Who waits for a partner on " + where(m_choice), 17, theme.mutedText, {centreX, 114.f}));

    const auto now = engine::LobbyEntry::Clock::now();
    for (std::size_t row = 0; row < VisibleRows && m_firstShown + row < m_rooms.size(); ++row)
    {
        const engine::LobbyEntry& entry = m_rooms[m_firstShown + row];
        const float top = ListTop + static_cast<float>(row) * RowStep;
        const bool hover = m_hover == m_firstShown + row;
        target.draw(engine::roundedRect({RowLeft, top, RowWidth, RowHeight}, 10.f, hover ? theme.outline : theme.panelRaised));
        target.draw(engine::roundedRect({RowLeft + 1.f, top + 1.f, RowWidth - 2.f, RowHeight - 2.f}, 9.f, hover ? theme.panelRaised : theme.panel));
        target.draw(engine::leftText(bold, mqtt::text::shortened(entry.name, 16), 19, theme.text, {RowLeft + 18.f, top + RowHeight / 2.f}));
        const std::string waited = engine::waitingFor(entry, now);
        const std::string details = "room " + mqtt::text::shortened(entry.room, 16) + "  \xC2\xB7  " +
                                    (entry.clock.isNone() ? "" : entry.clock.text() + "  \xC2\xB7  ") +
                                    (waited == "just now" ? "just came" : "waiting " + waited);
        target.draw(engine::rightText(regular, details, 15, hover ? theme.accent : theme.mutedText,
                                      {RowLeft + RowWidth - 18.f, top + RowHeight / 2.f}));
    }
    if (const std::string problem = m_board.problem(); !problem.empty())
        target.draw(engine::centredText(regular, mqtt::text::shortened(problem, 70), 15, theme.bad, {centreX, 300.f}));
    else if (m_rooms.empty() && !m_board.caughtUp())
        target.draw(engine::centredText(regular, "Looking for rooms\xE2\x80\xA6", 18, theme.mutedText, {centreX, 300.f}));
    else if (m_rooms.empty())
    {
        target.draw(engine::centredText(regular, "Nobody is waiting for a partner yet.", 18, theme.text, {centreX, 290.f}));
        target.draw(engine::centredText(regular, "Open a room: whoever looks here next will see you.", 15, theme.mutedText,
                                        {centreX, 324.f}));
    }

    target.draw(m_clock);
    target.draw(m_open);
    target.draw(m_computer);
    const std::size_t hidden = m_rooms.size() > VisibleRows ? m_rooms.size() - VisibleRows : 0;
    const std::string hint = hidden > 0 ? "Click a room to join   \xC2\xB7   scroll: " + std::to_string(hidden) + " more   \xC2\xB7   Esc: back"
                                        : "Click a room to join   \xC2\xB7   Enter: open room   \xC2\xB7   Esc: back";
    target.draw(engine::centredText(regular, hint, 13, engine::fade(theme.mutedText, 0.7f), {centreX, 738.f}));
}

} // namespace runner
