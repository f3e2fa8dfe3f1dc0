#include "VerboseLog.hpp"

#include <cstdio>
#include <string>

namespace mqtt::detail
{

void VerboseLog::write(std::string_view text) const
{
    if (!enabled())
        return;
    std::string line = "[";
    line.append(m_prefix).append("] ").append(text).append("\n");
    // One fwrite of the whole line: stdio locks the stream, so lines from threads do not interleave.
    std::fwrite(line.data(), 1, line.size(), stderr);
}

} // namespace mqtt::detail
