#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <mqttgames/engine/BotRunner.hpp>
#include <mqttgames/engine/ConnectionSettings.hpp>
#include <mqttgames/engine/Session.hpp>
#include <mqttgames/mqtt/EventQueue.hpp>
#include <mqttgames/mqtt/TlsOptions.hpp>

namespace engine
{

class Connection;
class LobbyNotice;
class Recorder;

/// Room R of game G is the MQTT topic "/ch/aplu/mqtt/gameclient/G/R", so several pairs can play on
/// one broker; characters MQTT reserves ('+', '#', '/') become '_'.
std::string roomTopic(const std::string& game, const std::string& room);

/// How a match is played: where and as whom (ConnectionSettings), and who plays the seat.
struct MatchSettings : ConnectionSettings
{
    /// When set, the computer plays this seat at this level (index into GameInfo::botLevels).
    std::optional<int> botLevel;
    /// How long the bot may think per move.
    std::chrono::milliseconds botBudget{1000};
    /// The least time from the bot's turn to its move, so a watcher can follow (0 in a terminal).
    std::chrono::milliseconds botPace{0};
    /// When this side asks to play again by itself (a bot seat, a computer opponent).
    enum class Rematch
    {
        Never,     ///< only when asked through requestRematch() (a person)
        WhenAsked, ///< agrees as soon as the partner asks
        Always,    ///< asks after every round, up to `games` rounds
    } rematch = Rematch::Never;
    /// Rounds to play with Rematch::Always (0: no limit).
    int games = 0;
    /// When set, the match is recorded to this replay file (see Recorder).
    std::filesystem::path recordTo;
    /// Whether this seat may keep the room's feed for spectators (Connection::publishFeed). Off in
    /// a private room nobody can find (a computer opponent's), where a retained snapshot would only
    /// be left on the broker.
    bool publishFeed = true;
};

/// One seat at a game over the network: a Session, its Connection, and the bot when the computer
/// plays this seat. Main thread only: call update() every frame.
class Match
{
public:
    /// `game` is borrowed and outlives the match.
    Match(const Game& game, mqtt::EventQueue queue, MatchSettings settings);
    ~Match();
    Match(const Match&) = delete;
    Match& operator=(const Match&) = delete;

    /// Starts connecting (in the background) to the broker and the room.
    void connect();
    /// Drives the bot, the automatic "play again" and the session's timers (resends, the grace
    /// period); cheap when there is nothing to do.
    void update();
    /// After the partner left: waits for a new one.
    bool lookForPartner();

    Session& session() { return m_session; }
    const Session& session() const { return m_session; }
    const MatchSettings& settings() const { return m_settings; }
    /// The replay file this match is written to; empty when it is not recorded.
    std::filesystem::path recordingFile() const;
    /// How many spectators say they watch this room (0 when not connected).
    std::size_t watchers() const;
    /// The queue this match's network and bot threads post to.
    mqtt::EventQueue queue() const { return m_queue; }
    std::string topic() const;
    bool isBotThinking() const { return m_bot.isRunning(); }
    /// A seat that waits for a partner this long is listed in the lobby: one that joins a waiting
    /// player pairs within moments, and is not.
    static constexpr std::chrono::milliseconds ListAfter{1000};
    /// When update() next has something to do (a paced bot move, a resend, the end of the grace
    /// period, the lobby entry's refresh), if anything is scheduled.
    std::optional<std::chrono::steady_clock::time_point> nextWake() const;

private:
    void driveBot();
    /// A bot seat answers the partner's proposal: a takeback only at the easiest level, a draw when
    /// its search sees no win (run on the bot's thread). True while it is answering.
    bool answerProposal();
    void driveRematch();
    // Lists the room in the game's lobby while this seat waits there (unless it is private).
    void keepLobbyEntry();
    // What a spectator may see, when it changed: to the room's feed (one side of the pair publishes
    // it) and to the replay file.
    void followFeed();

    const Game* m_game;
    mqtt::EventQueue m_queue;
    MatchSettings m_settings;
    Session m_session;
    std::unique_ptr<Connection> m_connection;
    BotRunner m_bot;
    std::optional<Action> m_botAction;
    bool m_botWeighsDraw = false; // the bot's thread runs a WinSearch, not a move
    int m_botRound = 0;
    std::chrono::steady_clock::time_point m_botStarted;
    std::chrono::steady_clock::time_point m_roundOverAt;
    int m_roundOverNumber = 0;
    std::chrono::steady_clock::time_point m_began = std::chrono::steady_clock::now();
    std::uint64_t m_feedRevision = 0;
    std::unique_ptr<Recorder> m_recorder;
    std::unique_ptr<LobbyNotice> m_lobby; // nullptr in a private room
    std::optional<std::chrono::steady_clock::time_point> m_waitingSince;
    std::chrono::system_clock::time_point m_waitingSinceWall;
};

} // namespace engine
