// libFuzzer target: any body a partner could send as a Connect Four move, on any position.
#include <mqttgames/connect4/Codec.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // The first bytes pick a position (columns '1'..'7', stopping at the first that cannot be played).
    connect4::Board board;
    std::size_t used = 0;
    while (used < size && data[used] >= '1' && data[used] <= '7' && board.canPlay(data[used] - '1'))
        board.play(data[used++] - '1');
    const std::string text(reinterpret_cast<const char*>(data) + used, size - used);
    const auto body = nlohmann::json::parse(text, nullptr, false);
    if (body.is_discarded())
        return 0;
    std::string error;
    if (const auto column = connect4::decodeMove(body, board, error))
    {
        // What decodeMove accepts must be a legal move that encodes back to the same column.
        if (!board.canPlay(*column) || connect4::decodeMove(connect4::encodeMove(*column), board, error) != column)
            __builtin_trap();
    }
    else if (error.empty())
        __builtin_trap(); // a refusal always says why
    // Every column that can be played survives the wire.
    for (int c = 0; c < connect4::Columns; ++c)
        if (board.canPlay(c) && !board.isOver() && connect4::decodeMove(connect4::encodeMove(c), board, error) != c)
            __builtin_trap();
    return 0;
}
