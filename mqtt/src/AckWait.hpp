#pragma once

#include <condition_variable>
#include <mutex>
#include <optional>

namespace mqtt::detail
{

// A caller waiting for the broker to acknowledge a (un)subscription.
struct AckWait
{
    std::mutex mutex;
    std::condition_variable answered;
    std::optional<bool> granted;

    void fulfil(bool value)
    {
        {
            std::lock_guard lock(mutex);
            granted = value;
        }
        answered.notify_all();
    }
};

} // namespace mqtt::detail
