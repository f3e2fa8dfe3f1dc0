#include <mqttgames/engine/Match.hpp>

#include <mqttgames/engine/Loop.hpp>

#include <mqttgames/engine/Connection.hpp>
#include <mqttgames/engine/Replay.hpp>
#include <mqttgames/engine/Snapshot.hpp>

#include "LobbyNotice.hpp"

#include <stdexcept>

namespace engine
{

std::string roomTopic(const std::string& game, const std::string& room)
{
    std::string safe = room.empty() ? "lobby" : room;
    for (char& c : safe)
        if (c == '+' || c == '#' || c == '/')
            c = '_';
    return std::string(mqtt::GameClient::DefaultTopic) + "/" + game + "/" + safe;
}

Match::Match(const Game& game, mqtt::EventQueue queue, MatchSettings settings)
    : m_game(&game),
      m_queue(queue),
      m_settings(std::move(settings)),
      m_session(game, m_settings.name, [this](const std::string& text) { return m_connection && m_connection->send(text); }),
      m_bot(queue)
{
    // Every position, not only the last of a frame: a frame may deliver several moves.
    m_session.setActionListener([this] { followFeed(); });
    m_session.setTimeControl(m_settings.clock);
    if (!m_settings.privateRoom)
    {
        m_lobby = std::make_unique<LobbyNotice>(game.info().id, m_settings);
        if (!m_lobby->listable())
        {
            m_session.inform("room \"" + m_settings.room + "\" is not listed in the lobby: its name is too long");
            m_lobby.reset();
        }
    }
    if (m_settings.recordTo.empty())
        return;
    try
    {
        m_recorder = std::make_unique<Recorder>(m_settings.recordTo);
        m_session.inform("recording this match to " + m_recorder->file().string());
    }
    catch (const std::runtime_error& failed)
    {
        m_session.warn(std::string(failed.what()) + ": this match is not recorded");
    }
}

// The bot goes first (its answer would act on the session), then the connection.
Match::~Match()
{
    m_bot.cancel();
    m_connection.reset();
}

std::filesystem::path Match::recordingFile() const
{
    return m_recorder ? m_recorder->file() : std::filesystem::path();
}

std::size_t Match::watchers() const
{
    return m_connection ? m_connection->watchers() : 0;
}

void Match::connect()
{
    Connection::Settings settings;
    static_cast<ConnectionSettings&>(settings) = m_settings;
    settings.topic = topic();
    m_connection.reset();
    m_connection = std::make_unique<Connection>(m_queue, m_session, settings);
    m_connection->start();
}

bool Match::lookForPartner()
{
    return m_connection && m_connection->lookForPartner();
}

std::string Match::topic() const
{
    return roomTopic(m_game->info().id, m_settings.room);
}

void Match::update()
{
    if (m_connection)
        m_connection->update();
    m_session.update();
    driveBot();
    driveRematch();
    followFeed();
    keepLobbyEntry();
}

void Match::keepLobbyEntry()
{
    if (!m_lobby)
        return;
    if (m_session.phase() != Phase::WaitingForPartner)
    {
        m_waitingSince.reset();
        m_lobby->hide();
        return;
    }
    const auto now = std::chrono::steady_clock::now();
    if (!m_waitingSince)
    {
        m_waitingSince = now;
        m_waitingSinceWall = std::chrono::system_clock::now();
    }
    if (now >= *m_waitingSince + ListAfter)
        m_lobby->show(m_waitingSinceWall, now);
}

void Match::followFeed()
{
    if (m_session.revision() == m_feedRevision)
        return;
    m_feedRevision = m_session.revision();
    const auto snapshot =
        snapshotOf(m_session, std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - m_began));
    if (!snapshot)
        return;
    if (m_recorder)
        m_recorder->write(*snapshot);
    if (m_connection && m_settings.publishFeed)
        m_connection->publishFeed(encodeSnapshot(*snapshot));
}

std::optional<std::chrono::steady_clock::time_point> Match::nextWake() const
{
    auto wake = m_session.nextWake();
    if (m_lobby && m_waitingSince)
        wake = earliest(wake, m_lobby->nextRefresh().value_or(*m_waitingSince + ListAfter));
    if (m_botAction)
        return earliest(wake, m_botStarted + m_settings.botPace);
    if (m_session.phase() == Phase::RoundOver && m_settings.rematch == MatchSettings::Rematch::Always &&
        !m_session.localWantsRematch())
        return earliest(wake, m_roundOverAt + 3 * m_settings.botPace);
    return wake;
}

void Match::driveBot()
{
    if (!m_settings.botLevel || answerProposal())
        return;
    const bool ourTurn = m_session.isLocalTurn();
    if (!ourTurn || m_session.roundNumber() != m_botRound)
    {
        if (m_bot.isRunning() && !ourTurn)
            m_bot.cancel();
        if (!ourTurn)
            m_botAction.reset();
    }
    if (!ourTurn)
        return;

    const auto now = std::chrono::steady_clock::now();
    if (m_botAction)
    {
        if (now < m_botStarted + m_settings.botPace)
            return;
        const Action action = std::move(*m_botAction);
        m_botAction.reset();
        if (m_botRound == m_session.roundNumber())
            m_session.act(action);
        return;
    }
    if (m_bot.isRunning())
        return;
    m_botRound = m_session.roundNumber();
    m_botStarted = now;
    m_bot.start(m_session.round()->botJob(*m_settings.botLevel), m_settings.botBudget,
                [this](const Action& action) { m_botAction = action; });
}

bool Match::answerProposal()
{
    if (!m_bot.isRunning())
        m_botWeighsDraw = false;
    const auto proposal = m_session.partnerProposal();
    if (!proposal)
        return false;
    if (m_botWeighsDraw)
        return true;
    const int level = *m_settings.botLevel;
    if (*proposal == Session::Proposal::Takeback)
    {
        m_session.answer(level == 0);
        return false;
    }
    const WinSearch seesWin = m_session.round()->botWinSearch(level);
    if (!seesWin)
    {
        m_session.answer(false);
        return false;
    }
    // The move being thought of (or waiting for its pace) may come out different: think again after.
    m_bot.cancel();
    m_botAction.reset();
    m_botWeighsDraw = true;
    const int round = m_session.roundNumber();
    m_bot.start([seesWin](const BotControl& control) -> Action { return std::string(seesWin(control) ? "decline" : "accept"); },
                m_settings.botBudget,
                [this, round](const Action& answer)
                {
                    m_botWeighsDraw = false;
                    if (m_session.roundNumber() == round && m_session.partnerProposal() == Session::Proposal::Draw)
                        m_session.answer(std::get<std::string>(answer) == "accept");
                });
    return true;
}

void Match::driveRematch()
{
    if (m_session.phase() != Phase::RoundOver || m_session.localWantsRematch())
        return;
    if (m_roundOverNumber != m_session.roundNumber())
    {
        m_roundOverNumber = m_session.roundNumber();
        m_roundOverAt = std::chrono::steady_clock::now();
    }
    switch (m_settings.rematch)
    {
        case MatchSettings::Rematch::Never: break;
        case MatchSettings::Rematch::WhenAsked:
            if (m_session.partnerWantsRematch())
                m_session.requestRematch();
            break;
        case MatchSettings::Rematch::Always:
            if ((m_settings.games <= 0 || m_session.roundsFinished() < m_settings.games) &&
                std::chrono::steady_clock::now() >= m_roundOverAt + 3 * m_settings.botPace)
                m_session.requestRematch();
            break;
    }
}

} // namespace engine
