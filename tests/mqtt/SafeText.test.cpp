#include <mqttgames/mqtt/SafeText.hpp>
#include <mqttgames/mqtt/GameWire.hpp>

#include <catch2/catch.hpp>

#include <string>

using mqtt::text::cleanName;
using mqtt::text::nameProblem;
using mqtt::text::printable;
using mqtt::text::shortened;

TEST_CASE("text a partner sends is made safe to show")
{
    SECTION("invalid UTF-8 becomes U+FFFD; valid text of any script stays")
    {
        CHECK(mqtt::text::isUtf8("caf\xC3\xA9"));
        CHECK_FALSE(mqtt::text::isUtf8("caf\xC3"));
        CHECK(printable("caf\xC3\xA9 \xE2\x9C\x93") == "caf\xC3\xA9 \xE2\x9C\x93");
        CHECK(printable("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
        CHECK(printable("\xC3") == "\xEF\xBF\xBD"); // cut inside a character
        CHECK(printable("\xED\xA0\x80") != "\xED\xA0\x80"); // an encoded surrogate is not UTF-8
    }

    SECTION("control characters go: escape sequences cannot retitle a terminal or write its clipboard")
    {
        const std::string retitle = "\x1B]0;owned\x07" "bob";
        CHECK(printable(retitle) == "]0;ownedbob");
        CHECK(printable(retitle).find('\x1B') == std::string::npos);
        CHECK(printable("a\rb\tc\x7F" "d\xC2\x9B" "e") == "abcde"); // CR, tab, DEL and C1 CSI
        CHECK(printable("two\nlines") == "twolines");
        CHECK(printable("two\nlines", true) == "two\nlines");
    }

    SECTION("bidirectional controls go, so a name cannot turn the text around it")
    {
        CHECK(printable("evil\xE2\x80\xAE" "gnp.exe") == "evilgnp.exe"); // U+202E right-to-left override
        CHECK(printable("\xE2\x81\xA6x\xE2\x81\xA9") == "x");                // U+2066 .. U+2069 isolates
        CHECK(printable("\xE2\x80\x8Fy\xD8\x9C") == "y");                   // U+200F, U+061C
    }

    SECTION("shortened cuts at a character boundary and says so")
    {
        CHECK(shortened("short", 10) == "short");
        CHECK(shortened("abcdefghij", 5) == "abcd\xE2\x80\xA6");
        CHECK(shortened("\xC3\xA9\xC3\xA9\xC3\xA9", 2) == "\xC3\xA9\xE2\x80\xA6");
    }

    SECTION("a name: printable, no wire separators, trimmed, at most 32 characters")
    {
        CHECK(cleanName("  Ann  ") == "Ann");
        CHECK(cleanName("a,b@c") == "a_b_c");
        CHECK(cleanName("\x1B[2J") == "[2J");
        CHECK(cleanName(" \x01 ").empty());
        const std::string longName(100, 'x');
        CHECK(cleanName(longName) == std::string(mqtt::text::MaxNameLength, 'x'));
        std::string accented;
        for (int i = 0; i < 40; ++i)
            accented += "\xC3\xA9";
        CHECK(cleanName(accented).size() == 2 * mqtt::text::MaxNameLength); // counted in characters, not bytes
        CHECK(mqtt::wire::sanitizeName("\xFF" "Eve,@") == "\xEF\xBF\xBD" "Eve__");
    }

    SECTION("our own name is checked, not silently changed")
    {
        CHECK(nameProblem("Ann").empty());
        CHECK(nameProblem("Jos\xC3\xA9").empty());
        CHECK_THAT(nameProblem(""), Catch::Contains("empty"));
        CHECK_THAT(nameProblem("Ann\xFF"), Catch::Contains("UTF-8"));
        CHECK_THAT(nameProblem("Ann\x1B"), Catch::Contains("control"));
        CHECK_THAT(nameProblem("Ann\xE2\x80\xAE"), Catch::Contains("direction"));
        CHECK_THAT(nameProblem(std::string(33, 'a')), Catch::Contains("32"));
    }
}
