#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include <mqttgames/engine/Game.hpp>
#include <mqttgames/engine/ReliableLink.hpp>
#include <mqttgames/engine/RoundClock.hpp>
#include <mqttgames/engine/TimeControl.hpp>

namespace engine
{

struct Envelope;

/// Where a session stands.
enum class Phase
{
    Offline,           ///< not connected (also: a local preview)
    Connecting,        ///< reaching the broker
    WaitingForPartner, ///< connected, nobody to play with yet
    Playing,           ///< a round is on
    RoundOver,         ///< a round ended; both may agree to play again
    PartnerAway,       ///< the partner's connection dropped: the round waits up to the grace period
    Reconnecting,      ///< our connection dropped: the round waits while it is made again
    PartnerLeft,       ///< the partner is gone (left on purpose, or we gave up waiting)
    Failed,            ///< the broker could not be reached
};

const char* toString(Phase phase);

/// One line of what happened, for a log or a terminal.
struct LogEntry
{
    enum class Kind
    {
        Info,   ///< pairing, a new round
        Notice, ///< something refused or ignored (see Session::notice())
        Move,   ///< an action of either side; `board` holds the position after it
        Result, ///< the end of a round; `board` holds the final position
    } kind = Kind::Info;
    std::string text;
    std::string board;
    /// Round::publicPosition() with `board` ("" for a game that has none): what a replay shows.
    std::string position;
};

/// The game-independent part of a match between two clients: the envelope, who starts, rounds,
/// "play again" (both must agree; the starter alternates), the score, and refusing what does not
/// fit (another game or version, a stale round, an illegal move) with a readable notice.
/// Faults: messages are numbered and acknowledged (ReliableLink), so a dropped connection loses and
/// doubles nothing; a partner that leaves on purpose says "bye" first, one that vanishes without it
/// is waited for up to the grace period, and the round goes on where it was when the pair is back.
/// A round in a settle phase (Round::isSettling()) still gets the partner's messages once over, and
/// is waited for at most Round::settleTimeout().
/// It does no I/O: text goes out through `send`, and the connection feeds its events in.
/// Main thread only.
class Session
{
public:
    /// Sends one message text to the partner; false when it could not.
    using Send = std::function<bool(const std::string& text)>;
    using TimePoint = std::chrono::steady_clock::time_point;
    /// Tells the time; steady_clock::now unless a test sets another.
    using Clock = std::function<TimePoint()>;

    static constexpr std::chrono::milliseconds DefaultGracePeriod{60000};
    /// Under a time control, the side to move whose clock runs out concedes; the other side claims
    /// the win only this long after it saw that clock run out, time enough for the concession to
    /// come over a slow network (its view of the deadline comes early by the message's delay).
    static constexpr std::chrono::milliseconds FlagTolerance{3000};

    /// `game` is borrowed and outlives the session.
    Session(const Game& game, std::string localName, Send send);
    ~Session();

    void connecting();
    void waitingForPartner();
    /// A partner is there (a new pairing): says hello and starts round 1; `localIsFirst` decides who
    /// starts it.
    void partnerArrived(bool localIsFirst, std::string partnerName);
    /// The partner is gone for good (phase PartnerLeft).
    void partnerLeft();
    /// The partner's connection closed (its DISCONNECT): it left, if it said bye first; otherwise it is
    /// away (phase PartnerAway) and is waited for up to the grace period.
    void partnerDisconnected();
    /// Our own connection dropped while paired: phase Reconnecting until partnerBack().
    void connectionLost();
    /// The same partner is there again after a fault: the round goes on, unacknowledged messages are
    /// sent again.
    void partnerBack();
    /// Whether a return of the same partner resumes this pairing (rather than starting a new one).
    bool canResume() const;
    /// The "bye" to send just before leaving on purpose, so the partner shows at once that we left
    /// rather than waiting for us; "" when the partner left first.
    std::string farewell() const;
    void failed(std::string reason);
    /// Called after each action that reached the round (either side's), once its result is
    /// counted: whoever follows every position (a recording, the feed) sees each one, however many
    /// messages arrive at once.
    void setActionListener(std::function<void()> listener) { m_actionListener = std::move(listener); }
    /// A line of information for the log (where the match is recorded).
    void inform(std::string text);
    /// A warning from the connection for the player (a partner that does not sign, a forgery
    /// refused): shown as a notice and kept in the log.
    void warn(std::string text);
    /// Events from the network were lost on the way to us (the queue was full): a notice says so.
    void eventsDropped(std::size_t count);
    /// A message text from the partner. Never throws; what does not fit becomes a notice.
    void receive(const std::string& text);

    /// Starts a round with no partner and no messages (previews, screenshots).
    void startOffline(bool localStarts, std::string partnerName = "");

    /// Sets the current round's position without sending (previews, tests); ends the round when the
    /// position is over. False with the reason when the position is invalid.
    bool load(std::string_view position, std::string& error);

    /// A local action, in the game's notation or as a view's or a bot's step; false (with notice())
    /// when the round refuses it (not our turn, illegal: the round judges, once).
    bool act(const Action& action);
    /// Asks to play again after a round; the next round starts once the partner asked too.
    void requestRematch();

    /// Plays every round from the next on under `control` (none: no clock). Both sides of a pair
    /// have the same one: only players with the same time control pair.
    void setTimeControl(TimeControl control) { m_timeControl = control; }
    const TimeControl& timeControl() const { return m_timeControl; }
    /// Time left to `side` (Local or Remote) in the current round; nothing without a time control.
    std::optional<RoundClock::Duration> timeLeft(Turn side) const;
    /// Whose clock runs: Local, Remote or None.
    Turn clockRunning() const { return m_rounds.clock ? m_rounds.clock->running() : Turn::None; }
    /// "you 4:32 · Ann 5:00" in a round with a time control; "" otherwise.
    std::string clockText() const;

    /// What one side may propose to the other during a round.
    enum class Proposal
    {
        Draw,     ///< to end the round as a draw
        Takeback, ///< to take back the proposer's last move
    };
    /// Resigns the round being played: it ends and the partner wins (one message). False, with
    /// notice(), when no round is being played.
    bool resign();
    /// Proposes a draw or a takeback, on the partner's turn (a takeback: of the move we just made,
    /// in a game that can take one back). It lapses with the next move. False, with notice(), when
    /// it does not apply.
    bool propose(Proposal proposal);
    /// Answers the partner's proposal; false, with notice(), when none waits.
    bool answer(bool accept);
    /// The proposal of each side that waits for an answer.
    std::optional<Proposal> partnerProposal() const;
    std::optional<Proposal> localProposal() const;
    /// The current round's outcome for us: the round's own, or how it was conceded (a resignation,
    /// an agreed draw).
    Outcome outcome() const;
    /// Whether the round ended by a resignation or an agreed draw rather than by its rules.
    bool wasConceded() const { return m_rounds.conceded.has_value(); }
    /// The round's result in words ("X wins", "bob resigns", "Draw agreed"); "" while undecided.
    std::string resultText() const;
    /// The same for anyone watching ("Teal resigns"): what the match's snapshot carries.
    std::string publicResultText() const;

    /// Sends again what is unacknowledged once it is due, gives up on an away partner after the
    /// grace period, and ends a round's settle phase after its timeout (Round::isSettling()). Call it
    /// often (every frame, or by nextWake()).
    void update();
    /// When update() next has something to do, if anything is scheduled.
    std::optional<TimePoint> nextWake() const;
    /// How long an away partner is waited for before PartnerLeft (default 60 s).
    void setGracePeriod(std::chrono::milliseconds period) { m_faults.gracePeriod = period; }
    std::chrono::milliseconds gracePeriod() const { return m_faults.gracePeriod; }
    /// While PartnerAway: the time left until we give up (zero otherwise).
    std::chrono::milliseconds graceLeft() const;
    /// Whether the last PartnerLeft came from giving up on an away partner, rather than a bye.
    bool gaveUpWaiting() const { return m_faults.gaveUp; }
    /// For tests: the clock that timers and the grace period follow.
    void setClock(Clock clock) { m_clock = std::move(clock); }
    /// The numbering and acknowledgement state of this pairing.
    const ReliableLink& link() const { return m_pair.link; }

    /// Where the session stands; PartnerAway or Reconnecting while a fault holds the round.
    Phase phase() const;
    const Game& game() const { return *m_game; }
    /// When a settling round (Round::isSettling()) stops waiting for the partner, if it is waiting.
    std::optional<TimePoint> settleDeadline() const { return m_rounds.settleDeadline; }
    /// The current (or last finished) round; nullptr before the first.
    Round* round() { return m_rounds.current.get(); }
    const Round* round() const { return m_rounds.current.get(); }
    /// 1 for the first round with this partner.
    int roundNumber() const { return m_rounds.number; }
    bool localStarts() const { return m_rounds.localStarts; }
    /// Whether the local player may act now.
    bool isLocalTurn() const;
    bool localWantsRematch() const { return m_rounds.localWantsRematch; }
    bool partnerWantsRematch() const { return m_rounds.partnerWantsRematch; }
    const std::string& localName() const { return m_localName; }
    const std::string& partnerName() const { return m_pair.partnerName; }
    /// The last refusal or warning ("partner plays connect4 v1"); "" when none since the last action.
    const std::string& notice() const { return m_notice; }
    /// Why the connection failed (phase Failed).
    const std::string& failure() const { return m_failure; }
    int wins() const { return m_score.wins; }
    int losses() const { return m_score.losses; }
    int draws() const { return m_score.draws; }
    /// Of the wins and the losses, those by a forfeit (Round::isForfeit()).
    int winsByForfeit() const { return m_score.winsByForfeit; }
    int lossesByForfeit() const { return m_score.lossesByForfeit; }
    /// Of the wins and the losses, those by a resignation; of the draws, those agreed.
    int winsByResignation() const { return m_score.winsByResignation; }
    int lossesByResignation() const { return m_score.lossesByResignation; }
    int agreedDraws() const { return m_score.agreedDraws; }
    int roundsFinished() const { return m_score.wins + m_score.losses + m_score.draws; }
    /// "You 2 (1 by forfeit) · bob 1 (1 by resignation) · 1 draw (1 agreed)", joined by `separator`.
    std::string scoreText(const std::string& separator) const;
    /// Everything that happened, oldest first.
    /// The last MaxLogEntries entries, oldest first; logDropped() older ones were let go.
    const std::deque<LogEntry>& log() const { return m_log; }
    std::size_t logDropped() const { return m_logDropped; }
    static constexpr std::size_t MaxLogEntries = 500;
    /// The longest notice or log line, in characters: a partner's text is quoted in some.
    static constexpr std::size_t MaxNoticeLength = 200;
    /// Changes whenever anything visible changes.
    std::uint64_t revision() const { return m_revision; }

private:
    /// A fault that holds the round (or RoundOver) without ending it.
    enum class Fault
    {
        None,
        PartnerAway,
        Reconnecting,
        GaveUp, ///< shown as PartnerLeft; still resumable if the same partner comes back
    };

    // Pairing and the session's state (Session.cpp).
    bool isPaired() const;
    bool roundIsOn() const;
    void setNotice(std::string notice);
    void addLog(LogEntry::Kind kind, std::string text);
    // The round's lifecycle: start, actions, result, score, settle phase (SessionRound.cpp).
    void startRound(bool localStarts);
    void afterAction();
    void scoreAction();
    void count(Outcome outcome, bool forfeit, int step);
    void followSettle();
    void settleIfOverdue();
    // Numbered, acknowledged delivery (SessionDelivery.cpp).
    void apply(const Envelope& envelope);
    bool acceptsRoundMessages() const;
    void sendAck();
    void sendMessage(const std::string& type, nlohmann::json body, int round);
    /// What the current round's reply asks to send, in order.
    void sendAll(std::vector<Message> messages);
    void resendDue();
    // Faults: away, reconnecting, giving up (SessionFaults.cpp).
    void giveUp();
    // Resignations, draw offers and takebacks (SessionCourtesy.cpp).
    /// How a round ended that its rules did not end.
    enum class Concession
    {
        Resignation,
        AgreedDraw,
        Time, ///< a clock ran out
    };
    /// True when the envelope was one of them (handled, or refused with a notice).
    bool applyCourtesy(const Envelope& envelope);
    void concede(Outcome outcome, Concession how);
    void takeBackLastMove();
    /// An action of `actor` (Local or Remote) reached the round: counted, and proposals lapse.
    void noteAction(Turn actor);
    // Clocks (SessionClock.cpp).
    /// Runs the clock of whoever's turn it is now (none once the round is over).
    void followClock();
    /// A clock that ran out ends the round: ours by our concession, the partner's by our claim.
    void checkClock();
    std::optional<TimePoint> clockWake() const;
    /// True when the envelope was a concession or a claim of time (handled, or refused).
    bool applyClockMessage(const Envelope& envelope);

    /// The partner and how the pair talks: names, pairing tokens, numbered delivery.
    struct Pairing
    {
        std::string partnerName;
        std::string token;        // ours, sent in the hello
        std::string partnerToken; // the partner's, named in our acks
        ReliableLink link;
        bool partnerSaidBye = false;
        bool resumed = false;    // came through a fault (a partner's new hello restarts it)
        bool legacyPeer = false; // the partner sends no sequence numbers: nothing is numbered or acked
    };
    /// A fault that holds the round (or RoundOver) without ending it (SessionFaults.cpp).
    struct Faults
    {
        Fault fault = Fault::None;
        std::chrono::milliseconds gracePeriod = DefaultGracePeriod;
        TimePoint awayDeadline{};
        bool gaveUp = false;
    };
    /// The current round and what comes after it (SessionRound.cpp).
    struct Rounds
    {
        std::unique_ptr<Round> current;
        int number = 0;
        bool firstStarts = true;
        bool localStarts = true;
        bool localWantsRematch = false;
        bool partnerWantsRematch = false;
        Outcome scored = Outcome::Undecided; // what the finished round counts as in the score
        bool scoredForfeit = false;
        bool wasSettling = false;
        std::optional<TimePoint> settleDeadline; // while the round settles and the pair is connected
        int actions = 0;                         // taken in this round, either side's (a takeback undoes one)
        Turn lastActor = Turn::None;             // Local or Remote: who took the last of them
        struct Pending
        {
            Proposal proposal;
            int actions; // when it was made: it lapses with the next action
        };
        std::optional<Pending> ourProposal;
        std::optional<Pending> partnerProposal;
        struct Conceded
        {
            Outcome outcome;
            Concession how;
        };
        std::optional<Conceded> conceded; // the round ended by a resignation, an agreed draw or a clock
        std::optional<RoundClock> clock;  // under a time control
    };
    struct Score
    {
        int wins = 0;
        int losses = 0;
        int draws = 0;
        int winsByForfeit = 0;
        int lossesByForfeit = 0;
        int winsByResignation = 0;
        int lossesByResignation = 0;
        int agreedDraws = 0;
    };

    const Game* m_game;
    std::string m_localName;
    Send m_send;
    std::function<void()> m_actionListener;
    Phase m_phase = Phase::Offline; // the game's phase; m_faults may hold it
    TimeControl m_timeControl;
    Clock m_clock = [] { return std::chrono::steady_clock::now(); };
    std::mt19937_64 m_random{std::random_device{}()};
    Pairing m_pair;
    Faults m_faults;
    Rounds m_rounds;
    Score m_score;
    std::string m_notice;
    std::string m_failure;
    std::deque<LogEntry> m_log;
    std::size_t m_logDropped = 0;
    std::uint64_t m_revision = 0;
};

} // namespace engine
