#include <mqttgames/tictactoe/Codec.hpp>

namespace tictactoe
{

nlohmann::json encodeMove(int cell)
{
    return {{"cell", cell + 1}};
}

std::optional<int> decodeMove(const nlohmann::json& body, const Board& board, std::string& error)
{
    if (!body.is_object())
    {
        error = "the move is not an object";
        return std::nullopt;
    }
    const auto field = body.find("cell");
    if (field == body.end() || !field->is_number_integer())
    {
        error = "the move has no whole-number \"cell\"";
        return std::nullopt;
    }
    const long long cell = field->get<long long>();
    if (cell < 1 || cell > Board::CellCount)
    {
        error = "cell " + std::to_string(cell) + " is off the board";
        return std::nullopt;
    }
    const int index = static_cast<int>(cell - 1);
    if (board.isOver())
    {
        error = "the game is already over";
        return std::nullopt;
    }
    if (!board.canPlay(index))
    {
        error = "cell " + std::to_string(cell) + " is taken";
        return std::nullopt;
    }
    return index;
}

} // namespace tictactoe
