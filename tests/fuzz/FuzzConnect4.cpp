// libFuzzer target: Connect Four moves from a partner (see FuzzTurnRound.hpp).
#include <mqttgames/connect4/Rules.hpp>

#include "FuzzTurnRound.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const engine::TurnGameText names = connect4::text();
    return fuzzPartnerMove<connect4::Rules>(names, data, size);
}
