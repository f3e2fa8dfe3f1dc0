#include <mqttgames/engine/ViewerScene.hpp>

#include <algorithm>
#include <cmath>

#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTarget.hpp>

#include <mqttgames/engine/Context.hpp>
#include <mqttgames/engine/Round.hpp>
#include <mqttgames/engine/Text.hpp>

namespace engine
{

namespace
{
constexpr float Margin = 16.f;
constexpr float StatusHeight = 76.f;
constexpr float FooterHeight = 120.f;
constexpr float MaxBoardScale = 1.15f;
constexpr auto AutoplayStep = std::chrono::milliseconds(900);

std::string scoreLine(const Snapshot& snapshot)
{
    const std::string draws = std::to_string(snapshot.draws) + (snapshot.draws == 1 ? " draw" : " draws");
    return snapshot.players[0] + " " + std::to_string(snapshot.wins[0]) + "  \xC2\xB7  " + snapshot.players[1] + " " +
           std::to_string(snapshot.wins[1]) + "  \xC2\xB7  " + draws;
}
} // namespace

ViewerScene::ViewerScene(SceneStack& stack, const GameWithView& game, std::unique_ptr<Spectator> spectator)
    : Scene(stack),
      m_game(&game),
      m_spectator(std::move(spectator)),
      m_status(context().fonts, context().theme, {Margin, Margin, context().size.x - 2 * Margin, StatusHeight})
{
    refreshStatus();
}

ViewerScene::ViewerScene(SceneStack& stack, const GameWithView& game, std::vector<ReplayLine> replay, std::string name)
    : Scene(stack),
      m_game(&game),
      m_replay(std::move(replay)),
      m_name(std::move(name)),
      m_status(context().fonts, context().theme, {Margin, Margin, context().size.x - 2 * Margin, StatusHeight})
{
    goTo(m_replay.empty() ? 0 : m_replay.size() - 1);
}

ViewerScene::~ViewerScene() = default;

void ViewerScene::show(const Snapshot& snapshot)
{
    std::string error;
    auto round = roundAt(*m_game, snapshot, error);
    if (!round)
        return; // a spectator and checkReplay() let none of these through
    m_snapshot = snapshot;
    m_view.reset();
    m_round = std::move(round);
    m_view = m_game->newView(*m_round, context());
    const sf::FloatRect area{Margin, 2 * Margin + StatusHeight, context().size.x - 2 * Margin,
                             context().size.y - StatusHeight - FooterHeight - 3 * Margin};
    const sf::Vector2f size = m_view->size();
    const float scale = std::min({area.width / size.x, area.height / size.y, MaxBoardScale});
    m_view->setScale(scale, scale);
    m_view->setPosition(std::round(area.left + (area.width - size.x * scale) / 2.f),
                        std::round(area.top + (area.height - size.y * scale) / 2.f));
    refreshStatus();
    m_animating = true;
}

void ViewerScene::goTo(std::size_t step)
{
    if (m_replay.empty())
        return;
    m_step = std::min(step, m_replay.size() - 1);
    show(m_replay[m_step].snapshot);
}

void ViewerScene::refreshStatus()
{
    const Theme& theme = context().theme;
    StatusBar::Content content;
    content.title = m_game->info().title;
    content.connection = m_spectator ? "watching" : "replay";
    content.connectionColor = m_spectator ? theme.good : theme.mutedText;
    content.turnColor = theme.text;
    if (!m_snapshot || !m_round)
    {
        content.turn = m_spectator ? "Waiting for the match\xE2\x80\xA6" : "";
        content.partner = m_spectator ? m_spectator->topic() : m_name;
        m_status.setContent(std::move(content));
        return;
    }
    const Snapshot& snapshot = *m_snapshot;
    // No "You" badge: the viewer plays neither side (the footer names the players and their sides).
    content.partner = "Round " + std::to_string(snapshot.round);
    if (!snapshot.result.empty())
    {
        content.turn = snapshot.result;
        content.turnColor = theme.accent;
    }
    else
    {
        const Turn turn = m_round->turn();
        content.turn = turn == Turn::Local ? snapshot.players[0] + "'s turn" : turn == Turn::Remote ? snapshot.players[1] + "'s turn" : "";
    }
    m_status.setContent(std::move(content));
}

bool ViewerScene::handleEvent(const sf::Event& event)
{
    if (event.type != sf::Event::KeyPressed)
        return false;
    switch (event.key.code)
    {
        case sf::Keyboard::Escape: requestPop(); break;
        case sf::Keyboard::Left: m_autoplayAt.reset(); goTo(m_step == 0 ? 0 : m_step - 1); break;
        case sf::Keyboard::Right: m_autoplayAt.reset(); goTo(m_step + 1); break;
        case sf::Keyboard::Home: m_autoplayAt.reset(); goTo(0); break;
        case sf::Keyboard::End: m_autoplayAt.reset(); goTo(m_replay.size()); break;
        case sf::Keyboard::Space:
            if (m_autoplayAt)
                m_autoplayAt.reset();
            else if (!m_replay.empty())
            {
                if (m_step + 1 >= m_replay.size())
                    goTo(0); // from the start again
                m_autoplayAt = std::chrono::steady_clock::now() + AutoplayStep;
            }
            m_animating = true;
            break;
        default: break;
    }
    return false;
}

bool ViewerScene::update(sf::Time dt)
{
    m_animating = m_view && m_view->update(dt, false);
    if (m_spectator && m_spectator->revision() != m_seen && m_spectator->snapshot())
    {
        m_seen = m_spectator->revision();
        show(*m_spectator->snapshot());
    }
    if (m_autoplayAt && std::chrono::steady_clock::now() >= *m_autoplayAt)
    {
        goTo(m_step + 1);
        m_autoplayAt = m_step + 1 < m_replay.size() ? std::optional(*m_autoplayAt + AutoplayStep) : std::nullopt;
    }
    return false;
}

std::optional<std::chrono::steady_clock::time_point> ViewerScene::nextWake() const
{
    return m_autoplayAt;
}

void ViewerScene::draw(sf::RenderTarget& target) const
{
    const Theme& theme = context().theme;
    const sf::Font& regular = context().fonts.get(FontId::Regular);
    sf::RectangleShape background(context().size);
    background.setFillColor(theme.background);
    target.draw(background);
    target.draw(m_status);
    if (m_view)
        target.draw(*m_view);

    const float footerTop = context().size.y - FooterHeight - Margin;
    const float centreX = context().size.x / 2.f;
    if (m_snapshot && m_round)
    {
        const auto named = [](const std::string& player, const std::string& side)
        { return side.empty() ? player : player + " (" + side + ")"; };
        target.draw(centredText(regular, named(m_snapshot->players[0], m_round->localSide()) + "  vs  " +
                                             named(m_snapshot->players[1], m_round->remoteSide()),
                                18, theme.text, {centreX, footerTop + 12.f}));
        if (!m_snapshot->event.empty())
            target.draw(centredText(regular, m_snapshot->event, 16, theme.mutedText, {centreX, footerTop + 40.f}));
        target.draw(centredText(regular, scoreLine(*m_snapshot), 16, theme.mutedText, {centreX, footerTop + 66.f}));
    }
    if (!m_spectator && !m_replay.empty())
    {
        const std::string where = "step " + std::to_string(m_step + 1) + " of " + std::to_string(m_replay.size()) +
                                  (m_autoplayAt ? "  \xC2\xB7  playing" : "");
        target.draw(centredText(regular, where + "  \xC2\xB7  Left/Right: step  \xC2\xB7  Home/End  \xC2\xB7  Space: play",
                                15, theme.mutedText, {centreX, footerTop + 100.f}));
    }
    else if (m_spectator && !m_spectator->problem().empty())
        target.draw(centredText(regular, m_spectator->problem(), 15, theme.warning, {centreX, footerTop + 100.f}));
}

} // namespace engine
