#pragma once

#include <string>
#include <type_traits>

namespace mqtt
{

/// A float as the seed's language (Python 3's str() and repr()) writes it: shortest text that reads
/// back the same, with ".0" on whole numbers and an exponent from 1e16 up or below 1e-4
/// ("2.5", "0.1", "100.0", "1e+16", "1e-05"); "inf", "-inf" and "nan" for the special values.
std::string floatToText(double value);
/// The same for a float, in the shortest text that reads back as that float (0.1f -> "0.1").
std::string floatToText(float value);

/// A number as the seed's language writes it: 42 -> "42", 2.5 -> "2.5", true -> "True".
/// A char is a number here too ('A' -> "65").
template <typename Number>
std::string numberToText(Number value)
{
    if constexpr (std::is_same_v<Number, bool>)
        return value ? "True" : "False";
    else if constexpr (std::is_floating_point_v<Number>)
    {
        if constexpr (std::is_same_v<Number, float>)
            return floatToText(value);
        else
            return floatToText(static_cast<double>(value));
    }
    else
        return std::to_string(value);
}

} // namespace mqtt
