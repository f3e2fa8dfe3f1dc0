#pragma once

#include <atomic>
#include <string_view>

namespace mqtt::detail
{

/// Log lines to stderr with a prefix, when switched on. Any thread; lines never interleave.
class VerboseLog
{
public:
    explicit VerboseLog(std::string_view prefix) : m_prefix(prefix) {}

    void setEnabled(bool enabled) { m_enabled.store(enabled, std::memory_order_relaxed); }
    bool enabled() const { return m_enabled.load(std::memory_order_relaxed); }
    /// Writes "[prefix] text" as one line when enabled.
    void write(std::string_view text) const;

private:
    std::string_view m_prefix;
    std::atomic<bool> m_enabled{false};
};

} // namespace mqtt::detail
