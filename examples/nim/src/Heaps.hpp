// Nim's rules: heaps of 3, 4 and 5 objects; players take turns to take any number from one heap,
// and whoever takes the last object wins. No display, no network: the engine derives the rest.
#pragma once

#include <mqttgames/engine/JsonFields.hpp>
#include <mqttgames/engine/TurnRules.hpp>

namespace nim
{

/// Take `count` objects from heap `heap` (0..2). Written "a3"; sent as {"heap": 1, "take": 3}.
struct Move
{
    int heap = 0;
    int count = 0;
};

inline void to_json(nlohmann::json& json, const Move& move) { json = {{"heap", move.heap + 1}, {"take", move.count}}; }
inline void from_json(const nlohmann::json& json, Move& m) { m = {engine::integerField(json, "heap") - 1, engine::integerField(json, "take")}; }

/// A position: the heaps and the seat to move.
struct Heaps
{
    using Move = nim::Move;
    static constexpr std::array<int, 3> Start{3, 4, 5};

    std::array<int, 3> sizes = Start;
    int player = 0;

    int toMove() const { return player; }
    bool legal(const Move& m) const { return m.heap >= 0 && m.heap < 3 && m.count >= 1 && m.count <= sizes[m.heap]; }
    void apply(const Move& move) { sizes[move.heap] -= move.count, player = 1 - player; }
    std::optional<engine::GameEnd> end() const // whoever took the last object won
    {
        return sizes == std::array<int, 3>{} ? std::optional(engine::GameEnd{1 - player}) : std::nullopt;
    }
    std::vector<Move> moves() const
    {
        std::vector<Move> moves;
        for (int heap = 0; heap < 3; ++heap)
            for (int count = 1; count <= sizes[heap]; ++count)
                moves.push_back({heap, count});
        return moves;
    }
    std::uint64_t key() const { return ((sizes[0] * 8u + sizes[1]) * 8u + sizes[2]) * 2u + player; }

    static std::optional<Move> parse(std::string_view text)
    {
        const bool valid = text.size() == 2 && text[0] >= 'a' && text[0] <= 'c' && text[1] >= '1' && text[1] <= '9';
        return valid ? std::optional<Move>({text[0] - 'a', text[1] - '0'}) : std::nullopt;
    }
    static std::string notation(const Move& move) { return {char('a' + move.heap), char('0' + move.count)}; }

    /// One line per heap: "a: ooo", or "a: -" when it is empty.
    friend std::ostream& operator<<(std::ostream& out, const Heaps& heaps)
    {
        for (int heap = 0; heap < 3; ++heap)
            out << char('a' + heap) << ": " << (heaps.sizes[heap] ? std::string(heaps.sizes[heap], 'o') : "-") << '\n';
        return out;
    }
};

} // namespace nim
