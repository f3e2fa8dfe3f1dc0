#pragma once

#include <mqttgames/engine/JsonFields.hpp>
#include <mqttgames/engine/TurnRules.hpp>

namespace tictactoe
{

/// What a cell holds; X always moves first.
enum class Mark : std::uint8_t { None, X, O };
/// "X", "O" or ".".
const char* toString(Mark mark);

/// A cell 0..8, row-major from the top-left; typed and sent as 1..9 ({"cell": 5}).
struct Move { int cell = 0; };
inline void to_json(nlohmann::json& json, const Move& move) { json = {{"cell", move.cell + 1}}; }
inline void from_json(const nlohmann::json& json, Move& move) { move.cell = engine::integerField(json, "cell") - 1; }

/// A tic-tac-toe position: the rules of the game (engine::TurnRules), no display, no network.
class Board
{
public:
    using Move = tictactoe::Move;
    using Line = std::array<int, 3>;

    Board() = default;
    /// The position after a move string of cells '1'..'9' ("5195"); throws std::invalid_argument
    /// naming the first illegal move.
    explicit Board(std::string_view moves);

    int toMove() const { return m_count % 2; }
    bool legal(const Move& move) const { return move.cell >= 0 && move.cell < 9 && m_cells[move.cell] == Mark::None && !end(); }
    void apply(const Move& move) { m_cells[move.cell] = m_count++ % 2 ? Mark::O : Mark::X; }
    std::optional<engine::GameEnd> end() const;
    std::vector<Move> moves() const;
    std::uint64_t key() const;
    static std::optional<Move> parse(std::string_view text);
    static std::string notation(const Move& move) { return std::to_string(move.cell + 1); }

    Mark at(int cell) const { return m_cells.at(cell); }
    /// The completed line's cells, when there is one.
    std::optional<Line> winningLine() const;

    friend bool operator==(const Board&, const Board&) = default;
    /// Three rows of "X", "O" and "." separated by spaces, each ending in a newline.
    friend std::ostream& operator<<(std::ostream& out, const Board& board);

private:
    std::array<Mark, 9> m_cells{};
    int m_count = 0;
};

/// What players and the wire call the game, and the sample positions of its screenshots.
engine::TurnGameText text();

} // namespace tictactoe
