#pragma once

#include <mqttgames/connect4/Board.hpp>
#include <mqttgames/engine/JsonFields.hpp>
#include <mqttgames/engine/TurnBot.hpp>
#include <mqttgames/engine/TurnRules.hpp>

namespace connect4
{

/// The name players see for a side: "Red" moves first, "Teal" second (the theme's player colours).
const char* sideName(Disc disc);

/// A drop into column 0..6; typed and sent as 1..7 from the left ({"column": 4}).
struct Move
{
    int column = 0;
};
inline void to_json(nlohmann::json& json, const Move& move) { json = {{"column", move.column + 1}}; }
inline void from_json(const nlohmann::json& json, Move& move) { move.column = engine::integerField(json, "column") - 1; }

/// Connect Four as a game of turns for the engine (engine::TurnRules): the Board under the names
/// the engine asks for. Seat 0 plays Red and moves first.
struct Rules
{
    using Move = connect4::Move;

    Board board;

    Rules() = default;
    /// The position after a move string of columns "1".."7" ("4453"); throws std::invalid_argument.
    explicit Rules(std::string_view moves) : board(moves) {}

    int toMove() const { return board.moveCount() % 2; }
    bool legal(const Move& move) const { return board.canPlay(move.column); }
    void apply(const Move& move) { board.play(move.column); }
    std::optional<engine::GameEnd> end() const;
    std::vector<Move> moves() const;
    static std::optional<Move> parse(std::string_view text);
    static std::string notation(const Move& move) { return columnName(move.column); }

    friend bool operator==(const Rules&, const Rules&) = default;
    /// The board from the top row down, the column numbers under it, and who is X and O.
    friend std::ostream& operator<<(std::ostream& out, const Rules& rules);
};

/// The game's own computer opponent (connect4::Bot): Hard keeps to DefaultBudget per move even
/// when the match allows longer, so that play stays brisk.
std::optional<Move> chooseMove(const Rules& rules, engine::BotLevel level, const engine::BotControl& control);

/// What players and the wire call the game, and the sample positions of its screenshots.
engine::TurnGameText text();

} // namespace connect4
