#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <mqttgames/engine/Round.hpp>

namespace engine
{

/// What the launcher and the engine know of a game.
struct GameInfo
{
    /// Name on the wire and in topics: lowercase, no spaces ("tictactoe").
    std::string id;
    /// Name shown to players ("Tic-Tac-Toe").
    std::string title;
    /// Raised when the messages change incompatibly; both sides must agree.
    int protocolVersion = 1;
    /// Bot levels, easiest first ("easy", "medium", "hard"); Round::botJob takes an index into it.
    std::vector<std::string> botLevels;
    /// Positions for screenshots by scene ("playing", "gameover"), in the round's load() notation; a
    /// scene without one shows the start.
    std::map<std::string, std::string> samples;
    /// Whether its rounds can ever take a move back (Round::canTakeBack()): the play screen offers
    /// it only then.
    bool takesBack = false;
};

/// How a new round starts.
struct RoundSetup
{
    /// Whether this client moves first.
    bool localStarts = true;
};

/// A game as the session, the bots and terminal play see it: its description and a factory for its
/// rounds. Knows nothing of a screen (see GameWithView). Stateless and shared: one instance serves
/// every match.
class Game
{
public:
    virtual ~Game() = default;

    virtual const GameInfo& info() const = 0;
    virtual std::unique_ptr<Round> newRound(const RoundSetup& setup) const = 0;
};

/// The index of a level name in info.botLevels, if it is one (case-insensitive; "1".. also accepted).
std::optional<int> findBotLevel(const GameInfo& info, const std::string& name);

} // namespace engine
