#include <mqttgames/mqtt/NumberText.hpp>

#include <catch2/catch.hpp>

#include <cstdlib>
#include <limits>

TEST_CASE("numberToText writes numbers as the seed's language does")
{
    using mqtt::numberToText;

    SECTION("integers")
    {
        CHECK(numberToText(42) == "42");
        CHECK(numberToText(-7) == "-7");
        CHECK(numberToText(0) == "0");
        CHECK(numberToText(std::numeric_limits<long long>::max()) == "9223372036854775807");
    }
    SECTION("floats in their shortest round-tripping form")
    {
        CHECK(numberToText(2.5) == "2.5");
        CHECK(numberToText(0.1) == "0.1");
        CHECK(numberToText(0.1f) == "0.1");
        CHECK(numberToText(1.0 / 3.0) == "0.3333333333333333");
        CHECK(numberToText(-2.75) == "-2.75");
    }
    SECTION("whole floats keep a fractional part")
    {
        CHECK(numberToText(100.0) == "100.0");
        CHECK(numberToText(0.0) == "0.0");
        CHECK(numberToText(-0.0) == "-0.0");
        CHECK(numberToText(1e15) == "1000000000000000.0");
    }
    SECTION("exponents outside [1e-4, 1e16)")
    {
        CHECK(numberToText(1e16) == "1e+16");
        CHECK(numberToText(1e-5) == "1e-05");
        CHECK(numberToText(1.5e-5) == "1.5e-05");
        CHECK(numberToText(0.0001) == "0.0001");
        CHECK(numberToText(1.2345e100) == "1.2345e+100");
    }
    SECTION("special values and booleans")
    {
        CHECK(numberToText(std::numeric_limits<double>::infinity()) == "inf");
        CHECK(numberToText(-std::numeric_limits<double>::infinity()) == "-inf");
        CHECK(numberToText(std::numeric_limits<double>::quiet_NaN()) == "nan");
        CHECK(numberToText(true) == "True");
    }
    SECTION("every text reads back as the same number")
    {
        for (double value : {0.1, 0.2, 0.3, 123.456, 6.02214076e23, 1e-300, 5e-324, 1.7976931348623157e308})
        {
            const std::string text = numberToText(value);
            CHECK(std::strtod(text.c_str(), nullptr) == value);
        }
    }
}
