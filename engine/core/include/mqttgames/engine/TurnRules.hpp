#pragma once

#include <array>
#include <concepts>
#include <cstdint>
#include <map>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace engine
{

/// How a game of turns ended: the seat that won (0 moved first), or nobody (a draw).
struct GameEnd
{
    std::optional<int> winner;
};

/// What an author writes for a turn-based game of perfect information: a state (copyable, its
/// default value the starting position) with
///   using Move = ...;                        with nlohmann's to_json/from_json beside it: a JSON object
///                                            whose fields are not the envelope's (game, v, type,
///                                            round, seq, ack); from_json may throw to refuse
///   int toMove() const;                      the seat to move: 0 moved first, 1 the other
///   bool legal(const Move&) const;           whether the seat to move may play it now
///   void apply(const Move&);                 plays a legal move
///   std::optional<GameEnd> end() const;      how the game ended; nothing while it goes on
///   std::vector<Move> moves() const;         every legal move (empty once ended)
///   static std::optional<Move> parse(std::string_view);  the terminal notation ("5", "b2")
///   static std::string notation(const Move&);
///   operator<<(std::ostream&, const State&)  the position as text, each line ending in a newline
/// The engine derives the rest: the messages, the turn order, terminal play and a computer opponent.
/// Optional: a constructor from a move string (positions for screenshots and tests) and
/// `std::uint64_t key() const`, a number unique to each position, which lets the computer remember
/// positions it has solved.
template <typename State>
concept TurnRules = std::default_initializable<State> && std::copyable<State> &&
    requires(State state, const State& position, const typename State::Move& move, std::string_view text,
             std::ostream& out, const nlohmann::json& json) {
        { position.toMove() } -> std::convertible_to<int>;
        { position.legal(move) } -> std::same_as<bool>;
        state.apply(move);
        { position.end() } -> std::same_as<std::optional<GameEnd>>;
        { position.moves() } -> std::convertible_to<std::vector<typename State::Move>>;
        { State::parse(text) } -> std::same_as<std::optional<typename State::Move>>;
        { State::notation(move) } -> std::convertible_to<std::string>;
        out << position;
        { nlohmann::json(move) };
        { json.get<typename State::Move>() } -> std::same_as<typename State::Move>;
    };

/// States that name each position by a number, for the computer's memory.
template <typename State>
concept KeyedPosition = requires(const State& position) {
    { position.key() } -> std::convertible_to<std::uint64_t>;
};

/// What players and the wire call a game of turns. Every field has a default (so designated
/// initializers may leave any out without a warning).
struct TurnGameText
{
    /// Name on the wire and in topics: lowercase, no spaces ("nim").
    std::string id{};
    /// Name shown to players ("Nim").
    std::string title{};
    /// The seats as players see them, first mover first ("X", "O").
    std::array<std::string, 2> sides{"First", "Second"};
    /// How moves are typed in the terminal ("heap a-c and how many to take: b2").
    std::string notationHelp{};
    /// Raised when the messages change incompatibly; both sides must agree.
    int protocolVersion = 1;
    /// Positions (move strings) for screenshots, by scene ("playing", "gameover").
    std::map<std::string, std::string> samples{};
};

} // namespace engine
