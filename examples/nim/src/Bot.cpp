#include "Bot.hpp"

#include <vector>

namespace nim
{

namespace
{

std::optional<Move> winningMove(const Heaps& heaps)
{
    int sum = 0;
    for (int heap = 0; heap < Heaps::Count; ++heap)
        sum ^= heaps.size(heap);
    for (int heap = 0; heap < Heaps::Count && sum != 0; ++heap)
        if (const int rest = heaps.size(heap) ^ sum; rest < heaps.size(heap))
            return Move{heap, heaps.size(heap) - rest};
    return std::nullopt; // xor already zero: every move loses against perfect play
}

Move randomMove(const Heaps& heaps, std::mt19937& random)
{
    std::vector<Move> legal;
    for (int heap = 0; heap < Heaps::Count; ++heap)
        for (int count = 1; count <= heaps.size(heap); ++count)
            legal.push_back({heap, count});
    return legal.at(std::uniform_int_distribution<std::size_t>(0, legal.size() - 1)(random));
}

} // namespace

Move chooseMove(const Heaps& heaps, engine::BotLevel level, std::mt19937& random)
{
    using engine::BotLevel;
    const bool perfect = level == BotLevel::Hard || (level == BotLevel::Medium && random() % 2 == 0);
    if (perfect)
        if (const auto move = winningMove(heaps))
            return *move;
    return randomMove(heaps, random);
}

} // namespace nim
