#pragma once

#include <array>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace nim
{

/// Take `count` objects from heap `heap` (0..2). Written "a3": heap a, b or c, then the count.
struct Move
{
    int heap = 0;
    int count = 0;

    friend bool operator==(const Move&, const Move&) = default;
};

/// A Nim position: heaps of 3, 4 and 5; players take turns to take any number from one heap, and
/// whoever takes the last object wins. A value type: no display, no network.
class Heaps
{
public:
    static constexpr int Count = 3;
    static constexpr std::array<int, Count> Start{3, 4, 5};

    /// The starting position, the first player to move.
    Heaps() = default;
    /// The position after moves such as "a3c2" (no separators); throws std::invalid_argument naming
    /// the first illegal one.
    explicit Heaps(std::string_view moves);

    bool canTake(Move move) const;
    /// Plays for the player to move; false, with nothing changed, when canTake(move) is false.
    bool take(Move move);

    int size(int heap) const { return m_heaps.at(heap); }
    /// 0 for the player who started, 1 for the other.
    int toMove() const { return static_cast<int>(m_moves.size() / 2) % 2; }
    bool isOver() const { return m_heaps == std::array<int, Count>{}; }
    /// The player who took the last object (nothing while the game goes on).
    std::optional<int> winner() const;
    /// The moves so far, in the notation of the move-string constructor.
    const std::string& moves() const { return m_moves; }

    friend bool operator==(const Heaps&, const Heaps&) = default;

private:
    std::array<int, Count> m_heaps = Start;
    std::string m_moves;
};

/// A move in the notation "a3" (spaces around allowed), or nothing.
std::optional<Move> parseMove(std::string_view text);
/// The notation of a move: "a3".
std::string moveName(Move move);

/// One line per heap: "a: ooo", or "a: -" when it is empty.
std::ostream& operator<<(std::ostream& out, const Heaps& heaps);

} // namespace nim
