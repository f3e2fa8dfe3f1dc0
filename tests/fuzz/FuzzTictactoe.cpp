// libFuzzer target: any body a partner could send as a tic-tac-toe move, on any position.
#include <mqttgames/tictactoe/Codec.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // The first bytes pick a position (cells '1'..'9', stopping at the first illegal one).
    tictactoe::Board board;
    std::size_t used = 0;
    while (used < size && used < 9 && data[used] >= '1' && data[used] <= '9' && board.canPlay(data[used] - '1'))
        board.play(data[used++] - '1');
    const std::string text(reinterpret_cast<const char*>(data) + used, size - used);
    const auto body = nlohmann::json::parse(text, nullptr, false);
    if (body.is_discarded())
        return 0;
    std::string error;
    if (const auto cell = tictactoe::decodeMove(body, board, error))
    {
        // What decodeMove accepts must be a legal move that encodes back to the same body.
        if (!board.canPlay(*cell) || tictactoe::decodeMove(tictactoe::encodeMove(*cell), board, error) != cell)
            __builtin_trap();
    }
    else if (error.empty())
        __builtin_trap(); // a refusal always says why
    return 0;
}
