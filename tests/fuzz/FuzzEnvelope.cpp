// libFuzzer target: any text a partner could send as a game message, through the envelope.
#include <mqttgames/engine/Envelope.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

namespace
{

constexpr const char* EnvelopeKeys[] = {"game", "v", "type", "round", "seq", "ack"};

bool same(const engine::Envelope& a, const engine::Envelope& b)
{
    return a.game == b.game && a.version == b.version && a.type == b.type && a.round == b.round && a.seq == b.seq &&
           a.ack == b.ack && a.body == b.body;
}

// What decode() makes of an incoming text: nothing with a reason, or an envelope that survives
// being sent again unchanged.
void checkDecode(const std::string& text)
{
    std::string error;
    const auto envelope = engine::decode(text, error);
    if (!envelope)
    {
        if (error.empty())
            __builtin_trap(); // a refusal always says why
        return;
    }
    if (envelope->game.empty() || !envelope->body.is_object() || envelope->round < 0 || envelope->seq < 0 || envelope->ack < 0)
        __builtin_trap();
    for (const char* key : EnvelopeKeys)
        if (envelope->body.contains(key))
            __builtin_trap(); // envelope fields are taken out of the body
    const auto again = engine::decode(engine::encode(*envelope), error);
    if (!again || !same(*again, *envelope))
        __builtin_trap();
}

// What encode() makes of an envelope of ours with any body: it reads back as that envelope, the
// body's clashing fields gone.
void checkEncode(std::uint8_t selector, const nlohmann::json& body)
{
    engine::Envelope envelope;
    envelope.game = "tictactoe";
    envelope.version = 1;
    envelope.type = (selector & 1) ? "move" : "ack";
    envelope.round = (selector & 2) ? 3 : 0;
    envelope.seq = (selector & 4) ? 7 : 0;
    envelope.ack = (selector & 8) ? 5 : 0;
    envelope.body = body;
    std::string error;
    const auto decoded = engine::decode(engine::encode(envelope), error);
    if (!decoded)
        __builtin_trap();
    engine::Envelope expected = envelope;
    if (!expected.body.is_object())
        expected.body = nlohmann::json::object();
    for (const char* key : EnvelopeKeys)
        expected.body.erase(key);
    if (!same(*decoded, expected))
        __builtin_trap();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string text(reinterpret_cast<const char*>(data), size);
    checkDecode(text);
    // The same bytes after the first as the body of a message we send.
    if (size > 0)
    {
        const auto body = nlohmann::json::parse(text.substr(1), nullptr, false);
        if (!body.is_discarded())
            checkEncode(data[0], body);
    }
    return 0;
}
