#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

namespace engine
{

/// Who may act now, seen from this client.
enum class Turn
{
    Local,  ///< this client
    Remote, ///< the partner
    Both,   ///< both at once (a placement phase)
    None,   ///< nobody (the round is over, or waiting for an answer)
};

/// How a round ended for this client.
enum class Outcome
{
    Undecided,
    Won,
    Lost,
    Draw,
};

/// One message of a round to the partner: a type ("move", "shot", ...) and a JSON object body. The
/// session adds the envelope (game, protocol version, round number) and sends it.
struct Message
{
    std::string type;
    nlohmann::json body;
};

/// What a round did with a local action or a partner's message: refused, with the reason (and
/// nothing changed), or accepted, with the messages that are to go to the partner for it, in order.
struct Reply
{
    bool accepted = false;
    std::string reason;
    std::vector<Message> send;

    static Reply refuse(std::string reason) { return {false, std::move(reason), {}}; }
    static Reply accept(std::vector<Message> send = {}) { return {true, {}, std::move(send)}; }
};

class Round;

/// A local action: the game's notation (what a terminal or a bot types, what a view may return), or
/// a step that acts on the round directly with a move the view already holds as a value (TurnView),
/// so that it is not written out and read back.
using Action = std::variant<std::string, std::function<Reply(Round& round)>>;

/// What a bot's search gets: a deadline and a cancel flag, both polled by the search.
struct BotControl
{
    std::chrono::steady_clock::time_point deadline;
    /// Borrowed from the runner; outlives the search.
    const std::atomic<bool>* cancelled = nullptr;

    bool shouldStop() const
    {
        return (cancelled && cancelled->load()) || std::chrono::steady_clock::now() >= deadline;
    }
};

/// A search that runs on a bot thread over its own copy of the round's state, and returns the
/// action it chose: in the game's notation (as typed in headless mode), "" for none, or a step that
/// plays the move it found as a value (TurnRound), so that it is not written out and read back.
using BotJob = std::function<Action(const BotControl& control)>;
/// A search that tells whether the side to move can force a win (a bot thread runs it).
using WinSearch = std::function<bool(const BotControl& control)>;

/// One round of a game from this client's point of view: the rules state plus what this side knows.
/// A game implements it; the engine's Session drives it. Main thread only.
class Round
{
public:
    virtual ~Round() = default;

    virtual Turn turn() const = 0;
    virtual Outcome outcome() const = 0;
    bool isOver() const { return outcome() != Outcome::Undecided; }

    /// This client's side as shown to the player: "X", "Red", "" when sides have no name.
    virtual std::string localSide() const = 0;
    /// The partner's side, in the same terms.
    virtual std::string remoteSide() const = 0;
    /// The position as text for a terminal, ending in a newline.
    virtual std::string boardText() const = 0;
    /// How actions are typed, for the headless prompt: "cell 1-9, row-major from the top-left".
    virtual std::string notationHelp() const = 0;
    /// The last thing that happened, for a log line: "X plays 5". Empty before the first action.
    virtual std::string lastEventText() const = 0;
    /// The end of the round in words ("X wins", "Draw"). Empty while undecided.
    virtual std::string resultText() const = 0;

    /// A local action in the game's notation (from a click, the terminal or a bot). The round judges
    /// it whole, whose turn it is included (nobody checks that before). When legal it is applied and
    /// the reply holds its messages; otherwise refused with the reason, unchanged.
    virtual Reply act(std::string_view action) = 0;
    /// A message of the partner (type and body, envelope already checked). Applied when well-formed and
    /// legal (the reply holds any answer to send); otherwise refused, and the round is unchanged.
    /// Never throws.
    virtual Reply receive(const std::string& type, const nlohmann::json& body) = 0;
    /// A search for the local side at a level (index into GameInfo::botLevels).
    virtual BotJob botJob(int level) const = 0;
    /// Whether the local side, to move, can force a win as far as a bot of that level looks: a bot
    /// offered a draw accepts it only when it sees none. Nothing when the game has no such search
    /// (its bots decline draws).
    virtual WinSearch botWinSearch(int /*level*/) const { return {}; }
    /// Sets a position without sending anything (screenshots, tests): a game-specific text such as a
    /// move string. False with the reason when it is not a valid position.
    virtual bool load(std::string_view position, std::string& error) = 0;

    /// The position as anyone watching may know it, from the round's start, in load()'s notation:
    /// a fresh round (the first mover local) that loads it shows the same board. Nothing when the
    /// game has no such public form (hidden information it cannot show yet): it cannot be watched
    /// or replayed then.
    virtual std::optional<std::string> publicPosition() const { return std::nullopt; }
    /// lastEventText() and resultText() in words for anyone watching, who plays neither side (no
    /// "you"): what a snapshot carries. The same texts by default.
    virtual std::string publicEventText() const { return lastEventText(); }
    virtual std::string publicResultText() const { return resultText(); }

    /// Whether the last action can be taken back, both sides agreeing: a game of turns can, until
    /// the round is over; a game whose last action told something that cannot be untold (an
    /// answered shot) cannot. No by default.
    virtual bool canTakeBack() const { return false; }
    /// Takes back the last action: the round is as it was before it. Only when canTakeBack().
    virtual void takeBack() {}

    /// Whether the round still waits for messages of the partner that nobody acts on: a settle phase
    /// after the last action, before or after the outcome is known (Battleship's reveal of the fleet,
    /// to verify its commitment). The session delivers them, also once the round is over, and waits
    /// at most settleTimeout() while the pair is connected before it calls settleTimedOut().
    virtual bool isSettling() const { return false; }
    /// How long the session waits for a settling round (default 30 s).
    virtual std::chrono::milliseconds settleTimeout() const { return std::chrono::seconds(30); }
    /// The partner did not settle the round in time: the round decides without it, ends its settle
    /// phase and says so in resultText() (Battleship: the partner forfeits, "Partner forfeits: it did
    /// not reveal its fleet in time").
    virtual void settleTimedOut() {}
    /// What the round is doing now, for the status bar ("placing fleet", "verifying"); "" leaves the
    /// engine's own text ("Your turn", "bob's turn").
    virtual std::string statusText() const { return {}; }
    /// Whether the outcome was decided by a forfeit rather than by play (a cheat caught, a reveal
    /// withheld past its deadline): the score counts it as such, and resultText() names the fault.
    virtual bool isForfeit() const { return false; }
};

/// The round's reply to an action of either form: notation goes to act(), a step runs on the round.
inline Reply perform(Round& round, const Action& action)
{
    if (const auto* notation = std::get_if<std::string>(&action))
        return round.act(*notation);
    return std::get<std::function<Reply(Round&)>>(action)(round);
}

} // namespace engine
