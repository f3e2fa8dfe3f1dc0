#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

namespace engine
{

/// How much time each side has in a round: a bank plus an increment per move ("5m+3s"), or a fixed
/// limit per move ("30s/move"). Chosen by whoever opens a room; only players who chose the same one
/// pair. The default is none: no clock.
struct TimeControl
{
    std::chrono::milliseconds bank{0};
    std::chrono::milliseconds increment{0};
    std::chrono::milliseconds perMove{0};

    bool isNone() const { return bank.count() == 0 && perMove.count() == 0; }
    /// "5m+3s", "90s", "30s/move"; "none" when there is no clock.
    std::string text() const;
    /// Reads what text() writes, also "1m30s+2s" and "none"; nothing (with the reason) otherwise.
    /// Each time is whole hours, minutes and seconds, at most 24 hours.
    static std::optional<TimeControl> parse(std::string_view text, std::string& error);

    bool operator==(const TimeControl&) const = default;
};

} // namespace engine
