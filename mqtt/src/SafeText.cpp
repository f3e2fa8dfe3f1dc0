#include <mqttgames/mqtt/SafeText.hpp>

#include <algorithm>
#include <iterator>

#include <utf8.h>

namespace mqtt::text
{

namespace
{

bool isBidiControl(char32_t c)
{
    return c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool isShown(char32_t c, bool keepNewlines)
{
    if (c == '\n')
        return keepNewlines;
    const bool control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
    return !control && !isBidiControl(c);
}

std::size_t codePoints(std::string_view valid)
{
    return static_cast<std::size_t>(utf8::unchecked::distance(valid.begin(), valid.end()));
}

} // namespace

bool isUtf8(std::string_view text)
{
    return utf8::is_valid(text.begin(), text.end());
}

std::string printable(std::string_view text, bool keepNewlines)
{
    std::string valid;
    utf8::replace_invalid(text.begin(), text.end(), std::back_inserter(valid));
    std::string shown;
    shown.reserve(valid.size());
    for (auto it = valid.begin(); it != valid.end();)
    {
        const auto start = it;
        const char32_t c = utf8::unchecked::next(it);
        if (isShown(c, keepNewlines))
            shown.append(start, it);
    }
    return shown;
}

std::string shortened(std::string_view text, std::size_t most)
{
    if (codePoints(text) <= most)
        return std::string(text);
    auto end = text.begin();
    utf8::unchecked::advance(end, most > 0 ? most - 1 : 0);
    return std::string(text.begin(), end) + "\xE2\x80\xA6";
}

std::string cleanName(std::string_view name)
{
    std::string clean = printable(name);
    std::ranges::replace(clean, ',', '_');
    std::ranges::replace(clean, '@', '_');
    const auto first = clean.find_first_not_of(' ');
    if (first == std::string::npos)
        return {};
    clean = clean.substr(first, clean.find_last_not_of(' ') - first + 1);
    if (codePoints(clean) <= MaxNameLength)
        return clean;
    auto end = clean.begin();
    utf8::unchecked::advance(end, MaxNameLength);
    return std::string(clean.begin(), end);
}

std::string nameProblem(std::string_view name)
{
    if (name.empty())
        return "a name cannot be empty";
    if (!isUtf8(name))
        return "a name must be valid UTF-8";
    if (printable(name) != name)
        return "a name cannot hold control or text-direction characters";
    if (codePoints(name) > MaxNameLength)
        return "a name has at most " + std::to_string(MaxNameLength) + " characters";
    return {};
}

} // namespace mqtt::text
