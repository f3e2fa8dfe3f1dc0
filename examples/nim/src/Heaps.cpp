#include "Heaps.hpp"

#include <stdexcept>

namespace nim
{

Heaps::Heaps(std::string_view moves)
{
    for (std::size_t i = 0; i < moves.size(); i += 2)
    {
        const auto move = parseMove(moves.substr(i, 2));
        if (!move || !take(*move))
            throw std::invalid_argument("illegal move \"" + std::string(moves.substr(i, 2)) + "\" in \"" +
                                        std::string(moves) + "\"");
    }
}

bool Heaps::canTake(Move move) const
{
    return move.heap >= 0 && move.heap < Count && move.count >= 1 && move.count <= m_heaps[move.heap];
}

bool Heaps::take(Move move)
{
    if (!canTake(move))
        return false;
    m_heaps[move.heap] -= move.count;
    m_moves += moveName(move);
    return true;
}

std::optional<int> Heaps::winner() const
{
    // The player who moved last took the last object.
    if (!isOver())
        return std::nullopt;
    return 1 - toMove();
}

std::optional<Move> parseMove(std::string_view text)
{
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\n' || text.back() == '\r'))
        text.remove_suffix(1);
    if (text.size() != 2 || text[0] < 'a' || text[0] >= 'a' + Heaps::Count || text[1] < '1' || text[1] > '9')
        return std::nullopt;
    return Move{text[0] - 'a', text[1] - '0'};
}

std::string moveName(Move move)
{
    return {static_cast<char>('a' + move.heap), static_cast<char>('0' + move.count)};
}

std::ostream& operator<<(std::ostream& out, const Heaps& heaps)
{
    for (int heap = 0; heap < Heaps::Count; ++heap)
        out << static_cast<char>('a' + heap) << ": " << (heaps.size(heap) ? std::string(heaps.size(heap), 'o') : "-") << '\n';
    return out;
}

} // namespace nim
