// libFuzzer target: every payload a stranger could put on a game topic, through the wire decoding.
#include <mqttgames/mqtt/GameWire.hpp>

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view payload(reinterpret_cast<const char*>(data), size);
    if (const auto envelope = mqtt::wire::parse(payload))
    {
        // What parse() splits must join back to the same payload.
        if (mqtt::wire::format(envelope->text, envelope->sender) != payload)
            __builtin_trap();
        if (mqtt::wire::isHello(envelope->text))
        {
            const auto hello = mqtt::wire::parseHello(envelope->text);
            // A name we announce must come back as the same name.
            if (mqtt::wire::parseHello(mqtt::wire::makeHello(hello.name, "a", hello.back)).name != mqtt::wire::sanitizeName(hello.name))
                __builtin_trap();
        }
    }
    return 0;
}
