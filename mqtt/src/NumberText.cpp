#include <mqttgames/mqtt/NumberText.hpp>

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string_view>

namespace mqtt
{
namespace
{

// Python's repr() of a float: the shortest round-tripping digits, written in fixed notation when the
// decimal exponent is in [-4, 16) (always with a fractional part), otherwise as d.ddde±XX.
template <typename Float>
std::string pythonRepr(Float value)
{
    if (std::isnan(value))
        return "nan";
    if (std::isinf(value))
        return value > 0 ? "inf" : "-inf";

    char buffer[64];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::scientific);
    const std::string_view text(buffer, static_cast<std::size_t>(result.ptr - buffer));

    const bool negative = text.front() == '-';
    const auto ePos = text.find('e');
    std::string digits;
    for (char c : text.substr(negative ? 1 : 0, ePos - (negative ? 1 : 0)))
        if (c != '.')
            digits += c;
    const int exponent = std::atoi(std::string(text.substr(ePos + 1)).c_str());

    std::string out = negative ? "-" : "";
    if (exponent >= -4 && exponent < 16)
    {
        if (exponent < 0)
        {
            out += "0." + std::string(static_cast<std::size_t>(-exponent - 1), '0') + digits;
        }
        else
        {
            const auto intDigits = static_cast<std::size_t>(exponent) + 1;
            if (digits.size() <= intDigits)
                out += digits + std::string(intDigits - digits.size(), '0') + ".0";
            else
                out += digits.substr(0, intDigits) + "." + digits.substr(intDigits);
        }
        return out;
    }

    out += digits.substr(0, 1);
    if (digits.size() > 1)
        out += "." + digits.substr(1);
    const int magnitude = std::abs(exponent);
    out += exponent < 0 ? "e-" : "e+";
    if (magnitude < 10)
        out += '0';
    out += std::to_string(magnitude);
    return out;
}

} // namespace

std::string floatToText(double value)
{
    return pythonRepr(value);
}

std::string floatToText(float value)
{
    return pythonRepr(value);
}

} // namespace mqtt
