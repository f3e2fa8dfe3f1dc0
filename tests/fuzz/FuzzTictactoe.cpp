// libFuzzer target: tic-tac-toe moves from a partner (see FuzzTurnRound.hpp).
#include <mqttgames/tictactoe/Board.hpp>

#include "FuzzTurnRound.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const engine::TurnGameText names = tictactoe::text();
    return fuzzPartnerMove<tictactoe::Board>(names, data, size);
}
