#include <mqttgames/connect4/Codec.hpp>

#include <mqttgames/engine/JsonFields.hpp>

namespace connect4
{

nlohmann::json encodeMove(int column)
{
    return {{"column", column + 1}};
}

std::optional<int> decodeMove(const nlohmann::json& body, const Board& board, std::string& error)
{
    const auto column = engine::JsonFields(body, "move", error).integer("column", 1, Columns);
    if (!column)
        return std::nullopt;
    const int index = static_cast<int>(*column - 1);
    if (board.isOver())
    {
        error = "the game is already over";
        return std::nullopt;
    }
    if (!board.canPlay(index))
    {
        error = "column " + std::to_string(*column) + " is full";
        return std::nullopt;
    }
    return index;
}

} // namespace connect4
