// libFuzzer target: any text a replay file or a stranger on a room's feed could give as a
// Battleship public position (PublicRecord's text form).
#include <mqttgames/battleship/PublicRecord.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    using battleship::PublicRecord;
    const std::string text(reinterpret_cast<const char*>(data), size);
    std::string error;
    const auto record = PublicRecord::parse(text, error);
    if (!record)
    {
        if (error.empty())
            __builtin_trap(); // a refusal always says why
        return 0;
    }
    // What is accepted has one text form, which reads back as itself, and words that fit it.
    const std::string canonical = record->toText();
    const auto again = PublicRecord::parse(canonical, error);
    if (!again || again->toText() != canonical)
        __builtin_trap();
    if (record->winner().has_value() != !record->resultText().empty())
        __builtin_trap();
    (void)record->boardText();
    (void)record->eventText();
    return 0;
}
