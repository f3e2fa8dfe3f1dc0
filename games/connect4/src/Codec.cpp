#include <mqttgames/connect4/Codec.hpp>

namespace connect4
{

nlohmann::json encodeMove(int column)
{
    return {{"column", column + 1}};
}

std::optional<int> decodeMove(const nlohmann::json& body, const Board& board, std::string& error)
{
    if (!body.is_object())
    {
        error = "the move is not an object";
        return std::nullopt;
    }
    const auto field = body.find("column");
    // Booleans and floats are not columns, even where nlohmann would convert them.
    if (field == body.end() || !field->is_number_integer())
    {
        error = "the move has no whole-number \"column\"";
        return std::nullopt;
    }
    // A huge unsigned value would wrap when read as signed; it is off the board either way.
    const bool huge = field->is_number_unsigned() && field->get<unsigned long long>() > static_cast<unsigned long long>(Columns);
    const long long column = huge ? 0 : field->get<long long>();
    if (column < 1 || column > Columns)
    {
        error = "column " + field->dump() + " is off the board";
        return std::nullopt;
    }
    const int index = static_cast<int>(column - 1);
    if (board.isOver())
    {
        error = "the game is already over";
        return std::nullopt;
    }
    if (!board.canPlay(index))
    {
        error = "column " + std::to_string(column) + " is full";
        return std::nullopt;
    }
    return index;
}

} // namespace connect4
