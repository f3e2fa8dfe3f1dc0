// libFuzzer target: every payload a stranger could put on a game topic, through the wire decoding
// and the checks of a signed pair.
#include <mqttgames/mqtt/GameWire.hpp>

#include "SignedPair.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace
{

using mqtt::detail::SignedPair;
namespace wire = mqtt::wire;

const std::string OurId = "ours0000000000000000";
const std::string PartnerId = "theirs00000000000000";

// Our side of a pair whose partner has signed a message already: from then on nothing that the
// partner did not sign may pass. The fuzzer has no key, so nothing it makes may.
SignedPair& pairedSide()
{
    static SignedPair side(OurId, "");
    static const bool paired = []
    {
        SignedPair partner(PartnerId, "");
        const std::string partnersHello = partner.hello({"Partner", "10.0.0.2"}, true);
        side.pair(PartnerId, partnersHello, wire::parseHello(partnersHello));
        const std::string oursHello = side.hello({"Ours", "10.0.0.1"}, true);
        partner.pair(OurId, oursHello, wire::parseHello(oursHello));
        return side.open(partner.seal("first")).has_value();
    }();
    if (!paired)
        __builtin_trap();
    return side;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view payload(reinterpret_cast<const char*>(data), size);
    if (const auto envelope = wire::parse(payload))
    {
        // What parse() splits must join back to the same payload.
        if (wire::format(envelope->text, envelope->sender) != payload)
            __builtin_trap();
        if (wire::isHello(envelope->text))
        {
            const auto hello = wire::parseHello(envelope->text);
            // A name we announce must come back as the same name.
            if (wire::parseHello(wire::makeHello(hello.name, "a", hello.back)).name != wire::sanitizeName(hello.name))
                __builtin_trap();
            if (pairedSide().checkHello(envelope->text, hello) == SignedPair::Check::Verified)
                __builtin_trap();
        }
        else if (pairedSide().open(envelope->text))
            __builtin_trap();
    }
    // The signed forms read back as they were made.
    if (const auto message = wire::parseSigned(payload))
    {
        const auto again = wire::parseSigned(wire::makeSigned(*message));
        if (!again || again->counter != message->counter || again->tag != message->tag || again->text != message->text)
            __builtin_trap();
    }
    return 0;
}
