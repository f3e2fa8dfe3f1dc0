#include "Codec.hpp"

#include <mqttgames/engine/JsonFields.hpp>

namespace nim
{

nlohmann::json encodeMove(Move move)
{
    return {{"heap", move.heap + 1}, {"take", move.count}};
}

std::optional<Move> decodeMove(const nlohmann::json& body, const Heaps& heaps, std::string& error)
{
    const engine::JsonFields fields(body, "move", error);
    const auto heap = fields.integer("heap", 1, Heaps::Count);
    if (!heap)
        return std::nullopt;
    const int index = static_cast<int>(*heap - 1);
    if (heaps.size(index) == 0)
    {
        error = "heap " + std::to_string(*heap) + " is empty";
        return std::nullopt;
    }
    const auto count = fields.integer("take", 1, heaps.size(index));
    if (!count)
        return std::nullopt;
    return Move{index, static_cast<int>(*count)};
}

} // namespace nim
