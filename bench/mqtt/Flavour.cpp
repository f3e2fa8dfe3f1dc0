#include "Flavour.hpp"

namespace bench
{

const char* toString(Flavour flavour)
{
    switch (flavour)
    {
        case Flavour::Raw: return "raw";
        case Flavour::Client: return "mqttclient";
        case Flavour::Game: return "gameclient";
    }
    return "unknown";
}

std::optional<Flavour> flavourFromString(const std::string& text)
{
    for (Flavour flavour : {Flavour::Raw, Flavour::Client, Flavour::Game})
        if (text == toString(flavour))
            return flavour;
    return std::nullopt;
}

} // namespace bench
