#pragma once

#include <chrono>

namespace mqtt::detail
{

// How long disconnect() waits for the reactor to have handed what was published before (a goodbye)
// to the kernel: a socket closed at once may take it with it.
inline constexpr std::chrono::milliseconds HandOverWait{80};

} // namespace mqtt::detail
