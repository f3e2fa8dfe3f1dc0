// libFuzzer target: any body a partner could send as a Battleship commit, shot, result or reveal.
#include <mqttgames/battleship/Codec.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace
{

// A refusal always says why; what is accepted reads back the same after encoding.
void check(const nlohmann::json& body)
{
    using namespace battleship;
    std::string error;
    if (const auto commitment = decodeCommit(body, error))
    {
        if (decodeCommit(encodeCommit(*commitment), error) != commitment)
            __builtin_trap();
    }
    else if (error.empty())
        __builtin_trap();

    error.clear();
    if (const auto cell = decodeShot(body, error))
    {
        const auto again = decodeShot(encodeShot(*cell), error);
        if (!again || *again != *cell || indexOf(*cell) < 0 || indexOf(*cell) >= SeaCells)
            __builtin_trap();
    }
    else if (error.empty())
        __builtin_trap();

    error.clear();
    if (const auto result = decodeResult(body, error))
    {
        const auto again = decodeResult(encodeResult(*result), error);
        if (!again || *again != *result)
            __builtin_trap();
        if ((result->answer.outcome == ShotOutcome::Sunk) != result->answer.sunkShip.has_value())
            __builtin_trap(); // a ship exactly with "sunk"
    }
    else if (error.empty())
        __builtin_trap();

    error.clear();
    if (const auto reveal = decodeReveal(body, error))
    {
        if (reveal->fleet.empty() || reveal->fleet.size() > MaxFleetText || reveal->salt.empty() || reveal->salt.size() > MaxSaltText)
            __builtin_trap();
        // A readable fleet goes out in its own text form, which reads back as the same fleet.
        if (const auto fleet = Fleet::parse(reveal->fleet))
        {
            const auto again = decodeReveal(encodeReveal(*fleet, reveal->salt), error);
            if (!again || again->salt != reveal->salt || Fleet::parse(again->fleet) != fleet)
                __builtin_trap();
        }
    }
    else if (error.empty())
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto body = nlohmann::json::parse(reinterpret_cast<const char*>(data), reinterpret_cast<const char*>(data) + size,
                                            nullptr, false);
    if (!body.is_discarded())
        check(body);
    return 0;
}
