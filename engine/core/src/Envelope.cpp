#include <mqttgames/engine/Envelope.hpp>

namespace engine
{

namespace
{
// Beyond this a number is not one we could have sent: JSON readers elsewhere lose precision past 2^53.
constexpr std::int64_t MaxSequence = std::int64_t{1} << 53;

// Reads an optional positive count; false when the field is there but not one.
bool readCount(const nlohmann::json& message, const char* key, std::int64_t& out)
{
    const auto field = message.find(key);
    if (field == message.end())
        return true;
    if (field->is_number_unsigned())
    {
        const auto value = field->get<std::uint64_t>();
        if (value < 1 || value > static_cast<std::uint64_t>(MaxSequence))
            return false;
        out = static_cast<std::int64_t>(value);
        return true;
    }
    return false; // negative, fractional, text, ...
}
} // namespace

std::string encode(const Envelope& envelope)
{
    nlohmann::json message = envelope.body.is_object() ? envelope.body : nlohmann::json::object();
    message["game"] = envelope.game;
    message["v"] = envelope.version;
    message["type"] = envelope.type;
    if (envelope.round > 0)
        message["round"] = envelope.round;
    else
        message.erase("round"); // a body's own "round" would read back as the round
    if (envelope.seq > 0)
        message["seq"] = envelope.seq;
    else
        message.erase("seq");
    if (envelope.ack > 0)
        message["ack"] = envelope.ack;
    else
        message.erase("ack");
    return message.dump();
}

std::optional<Envelope> decode(const std::string& text, std::string& error)
{
    nlohmann::json message = nlohmann::json::parse(text, nullptr, false);
    if (message.is_discarded())
    {
        error = "not JSON";
        return std::nullopt;
    }
    if (!message.is_object())
    {
        error = "not a JSON object";
        return std::nullopt;
    }
    const auto game = message.find("game");
    const auto version = message.find("v");
    const auto type = message.find("type");
    const auto round = message.find("round");
    if (game == message.end() || !game->is_string() || game->get_ref<const std::string&>().empty())
    {
        error = "no \"game\" name";
        return std::nullopt;
    }
    if (version == message.end() || !version->is_number_integer())
    {
        error = "no integer \"v\" (protocol version)";
        return std::nullopt;
    }
    if (type == message.end() || !type->is_string())
    {
        error = "no \"type\"";
        return std::nullopt;
    }
    if (round != message.end() && (!round->is_number_integer() || round->get<long long>() < 0 || round->get<long long>() > 1'000'000))
    {
        error = "\"round\" is not a round number";
        return std::nullopt;
    }

    Envelope envelope;
    if (!readCount(message, "seq", envelope.seq))
    {
        error = "\"seq\" is not a sequence number";
        return std::nullopt;
    }
    if (!readCount(message, "ack", envelope.ack))
    {
        error = "\"ack\" is not a sequence number";
        return std::nullopt;
    }
    envelope.game = game->get<std::string>();
    const long long v = version->get<long long>();
    envelope.version = (v < 0 || v > 1'000'000) ? -1 : static_cast<int>(v);
    envelope.type = type->get<std::string>();
    envelope.round = round == message.end() ? 0 : round->get<int>();
    message.erase("game");
    message.erase("v");
    message.erase("type");
    message.erase("round");
    message.erase("seq");
    message.erase("ack");
    envelope.body = std::move(message);
    return envelope;
}

std::string mismatch(const Envelope& envelope, const std::string& game, int version)
{
    if (envelope.game != game)
        return "partner plays " + envelope.game + " v" + std::to_string(envelope.version);
    if (envelope.version != version)
        return "partner uses protocol v" + std::to_string(envelope.version) + ", we use v" + std::to_string(version);
    return {};
}

} // namespace engine
