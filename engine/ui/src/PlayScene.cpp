#include <mqttgames/engine/PlayScene.hpp>

#include <mqttgames/engine/Loop.hpp>

#include <algorithm>

#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/RenderTarget.hpp>

#include <mqttgames/engine/Context.hpp>
#include <mqttgames/engine/Replay.hpp>
#include <mqttgames/engine/SceneStack.hpp>
#include <mqttgames/engine/Text.hpp>

#include "Overlays.hpp"
#include "PlayFooter.hpp"

namespace engine
{

namespace
{
constexpr float Margin = 16.f;
constexpr float StatusHeight = 76.f;
// The board may grow a little past its own size, not more: large pieces look clumsy.
constexpr float MaxBoardScale = 1.15f;

} // namespace

PlayScene::PlayScene(SceneStack& stack, const GameWithView& game, std::unique_ptr<Match> match, Options options)
    : Scene(stack),
      m_game(&game),
      m_match(std::move(match)),
      m_options(std::move(options)),
      m_status(context().fonts, context().theme, {Margin, Margin, context().size.x - 2 * Margin, StatusHeight})
{
    m_footer = std::make_unique<PlayFooter>(context().fonts, context().theme, roundOverPanelArea(context().size), *m_match);
    if (const auto file = m_match->recordingFile(); !file.empty())
        m_footer->setRecording("recording to " + shownPath(file));
    followSession();
}

PlayScene::~PlayScene() = default;

std::optional<std::chrono::steady_clock::time_point> PlayScene::nextWake() const
{
    auto wake = m_match->nextWake();
    for (const auto& companion : m_options.companions)
        wake = earliest(wake, companion->nextWake());
    return wake;
}

sf::FloatRect PlayScene::boardArea() const
{
    const float top = Margin + StatusHeight + Margin;
    const float bottom = roundOverPanelArea(context().size).top - Margin;
    return {Margin, top, context().size.x - 2 * Margin, bottom - top};
}

void PlayScene::leave()
{
    if (m_left)
        return;
    m_left = true;
    if (m_overlay != Overlay::None)
        requestPop();
    requestPop();
    if (m_options.onLeave)
        m_options.onLeave();
}

bool PlayScene::handleEvent(const sf::Event& event)
{
    if (event.type == sf::Event::KeyPressed && event.key.code == sf::Keyboard::Escape)
    {
        leave();
        return false;
    }
    if (event.type == sf::Event::MouseMoved)
        m_pointer = {static_cast<float>(event.mouseMove.x), static_cast<float>(event.mouseMove.y)};
    else if (event.type == sf::Event::MouseButtonPressed)
        m_pointer = {static_cast<float>(event.mouseButton.x), static_cast<float>(event.mouseButton.y)};

    if (m_overlay == Overlay::None && m_footer->handleEvent(event))
        return false;
    if (m_view)
    {
        const sf::Vector2f local = m_view->getInverseTransform().transformPoint(m_pointer);
        if (const auto action = m_view->handleEvent(event, local, mayAct()))
            m_match->session().act(*action);
    }
    return false;
}

bool PlayScene::mayAct() const
{
    // A person acts only on their own turn, and not under the waiting card (it lets the pointer and
    // window events through); a seat the computer plays is only watched.
    return m_match->session().isLocalTurn() && !m_match->settings().botLevel && m_overlay != Overlay::Waiting;
}

bool PlayScene::update(sf::Time dt)
{
    m_match->update();
    for (auto& companion : m_options.companions)
        companion->update();
    followSession();

    bool animating = m_view && m_view->update(dt, mayAct());
    m_footer->update();
    const std::uint64_t revision = m_match->session().revision();
    const std::size_t watchers = m_match->watchers();
    std::string clocks = m_match->session().clockText(); // changes by the second
    if (revision != m_seenRevision || watchers != m_shownWatchers || clocks != m_shownClocks)
    {
        m_seenRevision = revision;
        m_shownWatchers = watchers;
        m_shownClocks = std::move(clocks);
        refreshStatus();
        animating = true; // draw the change
    }
    // A paced bot move needs no frames while it waits: the loop wakes often enough to apply it.
    m_animating = animating;

    Overlay wanted = wantedOverlay();
    // The result covers the board only once the view has shown the last move (a disc still falling).
    if (wanted == Overlay::RoundOver && m_overlay != Overlay::RoundOver && m_view && m_view->isAnimating())
    {
        wanted = m_overlay;
        m_animating = true;
    }
    if (wanted != m_overlay && !m_left)
    {
        if (m_overlay != Overlay::None)
            requestPop();
        if (wanted == Overlay::Waiting)
            requestPush(std::make_unique<WaitingOverlay>(stack(), *m_match, m_options.whereText, [this] { leave(); }));
        else if (wanted == Overlay::RoundOver)
            requestPush(std::make_unique<RoundOverPanel>(stack(), *m_match, [this] { leave(); }));
        m_overlay = wanted;
    }
    return false;
}

PlayScene::Overlay PlayScene::wantedOverlay() const
{
    switch (m_match->session().phase())
    {
        case Phase::Connecting:
        case Phase::WaitingForPartner:
        case Phase::PartnerAway:
        case Phase::Reconnecting:
        case Phase::PartnerLeft:
        case Phase::Failed: return Overlay::Waiting;
        case Phase::RoundOver: return Overlay::RoundOver;
        case Phase::Offline:
        case Phase::Playing: break;
    }
    return Overlay::None;
}

void PlayScene::followSession()
{
    const Round* round = m_match->session().round();
    if (round == m_viewedRound)
        return;
    m_viewedRound = round;
    m_view.reset();
    if (!round)
        return;
    m_view = m_game->newView(*round, context());
    const sf::FloatRect area = boardArea();
    const sf::Vector2f size = m_view->size();
    const float scale = std::min({area.width / size.x, area.height / size.y, MaxBoardScale});
    m_view->setScale(scale, scale);
    m_view->setPosition(std::round(area.left + (area.width - size.x * scale) / 2.f),
                        std::round(area.top + (area.height - size.y * scale) / 2.f));
}

void PlayScene::refreshStatus()
{
    const Theme& theme = context().theme;
    const Session& session = m_match->session();
    const Round* round = session.round();
    StatusBar::Content content;
    content.title = session.game().info().title;
    content.partner = session.partnerName();
    if (round)
    {
        content.side = round->localSide();
        const SideColors colors = m_view && m_view->sideColors() ? *m_view->sideColors() : SideColors{theme.playerOne, theme.playerTwo};
        content.sideColor = session.localStarts() ? colors.first : colors.second;
    }
    switch (session.phase())
    {
        case Phase::Offline:
            content.turn = session.game().info().title;
            content.turnColor = theme.text;
            content.connection = "offline";
            content.connectionColor = theme.mutedText;
            break;
        case Phase::Connecting:
            content.turn = session.game().info().title;
            content.turnColor = theme.text;
            content.connection = "connecting";
            content.connectionColor = theme.warning;
            break;
        case Phase::WaitingForPartner:
            content.turn = session.game().info().title;
            content.turnColor = theme.text;
            content.connection = "connected";
            content.connectionColor = theme.good;
            break;
        case Phase::Playing:
        {
            const Turn turn = round ? round->turn() : Turn::None;
            const std::string partner = session.partnerName().empty() ? "Partner" : session.partnerName();
            content.turn = turn == Turn::Local || turn == Turn::Both ? "Your turn" : partner + "'s turn";
            content.turnColor = turn == Turn::Local || turn == Turn::Both ? theme.accent : theme.mutedText;
            if (const std::string status = round ? round->statusText() : std::string(); !status.empty())
                content.turn = status;
            content.connection = "connected";
            content.connectionColor = theme.good;
            break;
        }
        case Phase::RoundOver:
        {
            const Outcome outcome = session.outcome();
            content.turn = outcome == Outcome::Won ? "You win!" : outcome == Outcome::Lost ? "You lose" : "Draw";
            content.turnColor = outcome == Outcome::Won ? theme.good : outcome == Outcome::Lost ? theme.bad : theme.text;
            content.connection = "connected";
            content.connectionColor = theme.good;
            break;
        }
        case Phase::PartnerAway:
            content.turn = "Partner away";
            content.turnColor = theme.warning;
            content.connection = "partner away";
            content.connectionColor = theme.warning;
            break;
        case Phase::Reconnecting:
            content.turn = "Reconnecting\xE2\x80\xA6";
            content.turnColor = theme.warning;
            content.connection = "connection lost";
            content.connectionColor = theme.bad;
            break;
        case Phase::PartnerLeft:
            content.turn = "Partner left";
            content.turnColor = theme.warning;
            content.connection = "partner left";
            content.connectionColor = theme.warning;
            break;
        case Phase::Failed:
            content.turn = "No connection";
            content.turnColor = theme.bad;
            content.connection = "no broker";
            content.connectionColor = theme.bad;
            break;
    }
    if (m_match->settings().botLevel && session.phase() == Phase::Playing && session.isLocalTurn())
        content.turn = "Computer thinking\xE2\x80\xA6";
    if (const auto left = session.timeLeft(Turn::Local))
    {
        content.localClock = RoundClock::format(*left);
        content.partnerClock = RoundClock::format(*session.timeLeft(Turn::Remote));
        content.localClockRuns = session.clockRunning() == Turn::Local;
        content.partnerClockRuns = session.clockRunning() == Turn::Remote;
    }
    if (const std::size_t watchers = m_match->watchers(); watchers > 0)
        content.connection += "  \xC2\xB7  " + std::to_string(watchers) + " watching";
    m_status.setContent(std::move(content));
}

void PlayScene::draw(sf::RenderTarget& target) const
{
    const Theme& theme = context().theme;
    sf::RectangleShape background(context().size);
    background.setFillColor(theme.background);
    target.draw(background);
    target.draw(m_status);
    if (m_view)
        target.draw(*m_view);

    if (m_overlay != Overlay::RoundOver) // the round-over panel takes the footer's place
        target.draw(*m_footer);
}

} // namespace engine
