#pragma once

#include <optional>
#include <string>

namespace bench
{

/// Which client a measurement drives: raw libmosquitto (the baseline), our MQTTClient, or our
/// GameClient (MQTTClient plus the wire format and pairing).
enum class Flavour
{
    Raw,
    Client,
    Game,
};

/// "raw", "mqttclient" or "gameclient": the "case" of the JSON lines.
const char* toString(Flavour flavour);
std::optional<Flavour> flavourFromString(const std::string& text);

/// Which end of a pair: A starts an exchange, B answers.
enum class Side
{
    A,
    B,
};

} // namespace bench
