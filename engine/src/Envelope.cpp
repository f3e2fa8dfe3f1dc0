#include <mqttgames/engine/Envelope.hpp>

namespace engine
{

std::string encode(const Envelope& envelope)
{
    nlohmann::json message = envelope.body.is_object() ? envelope.body : nlohmann::json::object();
    message["game"] = envelope.game;
    message["v"] = envelope.version;
    message["type"] = envelope.type;
    if (envelope.round > 0)
        message["round"] = envelope.round;
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
    envelope.game = game->get<std::string>();
    const long long v = version->get<long long>();
    envelope.version = (v < 0 || v > 1'000'000) ? -1 : static_cast<int>(v);
    envelope.type = type->get<std::string>();
    envelope.round = round == message.end() ? 0 : round->get<int>();
    message.erase("game");
    message.erase("v");
    message.erase("type");
    message.erase("round");
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
