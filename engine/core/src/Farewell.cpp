#include "Farewell.hpp"

#include <mqttgames/engine/Envelope.hpp>
#include <mqttgames/engine/Game.hpp>

namespace engine
{

namespace
{
bool hasType(const std::string& text, const char* type, const char* flag)
{
    // Cheap before the parse: this runs on every message of the network thread.
    if (text.find(type) == std::string::npos)
        return false;
    std::string error;
    const auto envelope = decode(text, error);
    if (!envelope || envelope->type != type)
        return false;
    if (!flag)
        return true;
    const auto field = envelope->body.find(flag);
    return field != envelope->body.end() && field->is_boolean() && field->get<bool>();
}
} // namespace

std::string byeText(const GameInfo& info)
{
    return encode(Envelope{info.id, info.protocolVersion, "bye", 0, nlohmann::json::object()});
}

std::string byeConfirmationText(const GameInfo& info)
{
    return encode(Envelope{info.id, info.protocolVersion, "ack", 0, {{"bye", true}}});
}

bool isBye(const std::string& text)
{
    return hasType(text, "bye", nullptr);
}

bool confirmsBye(const std::string& text)
{
    return hasType(text, "ack", "bye");
}

} // namespace engine
