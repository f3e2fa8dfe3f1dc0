#include <mqttgames/tictactoe/Codec.hpp>

#include <mqttgames/engine/JsonFields.hpp>

namespace tictactoe
{

nlohmann::json encodeMove(int cell)
{
    return {{"cell", cell + 1}};
}

std::optional<int> decodeMove(const nlohmann::json& body, const Board& board, std::string& error)
{
    const auto cell = engine::JsonFields(body, "move", error).integer("cell", 1, Board::CellCount);
    if (!cell)
        return std::nullopt;
    const int index = static_cast<int>(*cell - 1);
    if (board.isOver())
    {
        error = "the game is already over";
        return std::nullopt;
    }
    if (!board.canPlay(index))
    {
        error = "cell " + std::to_string(*cell) + " is taken";
        return std::nullopt;
    }
    return index;
}

} // namespace tictactoe
