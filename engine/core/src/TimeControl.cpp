#include <mqttgames/engine/TimeControl.hpp>

#include <cctype>

namespace engine
{

namespace
{
using std::chrono::milliseconds;

std::string durationText(milliseconds time)
{
    const long long seconds = std::chrono::duration_cast<std::chrono::seconds>(time).count();
    std::string text;
    if (seconds >= 3600)
        text += std::to_string(seconds / 3600) + "h";
    if (seconds % 3600 >= 60)
        text += std::to_string(seconds % 3600 / 60) + "m";
    if (seconds % 60 != 0 || text.empty())
        text += std::to_string(seconds % 60) + "s";
    return text;
}

// "1h", "5m", "1m30s", "45s": a number before each unit, the units in that order.
std::optional<milliseconds> parseDuration(std::string_view text)
{
    constexpr std::string_view Units = "hms";
    long long total = 0;
    std::size_t next = 0; // units come in order, each once
    if (text.empty())
        return std::nullopt;
    while (!text.empty())
    {
        std::size_t digits = 0;
        while (digits < text.size() && digits < 6 && std::isdigit(static_cast<unsigned char>(text[digits])))
            ++digits;
        if (digits == 0 || digits == text.size())
            return std::nullopt;
        const auto unit = Units.find(text[digits], next);
        if (unit == std::string_view::npos)
            return std::nullopt;
        const long long number = std::stoll(std::string(text.substr(0, digits)));
        total += number * (unit == 0 ? 3600 : unit == 1 ? 60 : 1);
        next = unit + 1;
        text.remove_prefix(digits + 1);
    }
    if (total > 24 * 3600)
        return std::nullopt;
    return std::chrono::seconds(total);
}
} // namespace

std::string TimeControl::text() const
{
    if (isNone())
        return "none";
    if (perMove.count() > 0)
        return durationText(perMove) + "/move";
    return durationText(bank) + (increment.count() > 0 ? "+" + durationText(increment) : "");
}

std::optional<TimeControl> TimeControl::parse(std::string_view text, std::string& error)
{
    error = "\"" + std::string(text.substr(0, 40)) +
            "\" is no time control: write BANK[+INCREMENT] (5m+3s: 5 minutes a side, 3 s more per move), "
            "LIMIT/move (30s/move), or none";
    TimeControl control;
    if (text == "none" || text.empty())
    {
        error.clear();
        return control;
    }
    if (text.ends_with("/move"))
    {
        const auto limit = parseDuration(text.substr(0, text.size() - 5));
        if (!limit || limit->count() == 0)
            return std::nullopt;
        control.perMove = *limit;
    }
    else
    {
        const auto plus = text.find('+');
        const auto bank = parseDuration(text.substr(0, plus));
        const auto increment = plus == std::string_view::npos ? std::optional<milliseconds>(0) : parseDuration(text.substr(plus + 1));
        if (!bank || bank->count() == 0 || !increment)
            return std::nullopt;
        control.bank = *bank;
        control.increment = *increment;
    }
    error.clear();
    return control;
}

} // namespace engine
