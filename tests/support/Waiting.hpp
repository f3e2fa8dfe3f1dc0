#pragma once

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace testsupport
{

using namespace std::chrono_literals;

/// Things that arrive on another thread, collected so a test can wait for them with a deadline.
template <typename T>
class Inbox
{
public:
    void push(T item)
    {
        // Notified under the lock: a waiter that sees the item may destroy the inbox right after.
        std::lock_guard lock(m_mutex);
        m_items.push_back(std::move(item));
        m_changed.notify_all();
    }

    /// Waits until at least `count` items arrived; false at the deadline.
    bool waitForCount(std::size_t count, std::chrono::milliseconds timeout = 5s)
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout, [&] { return m_items.size() >= count; });
    }

    /// Waits until an item equal to `item` arrived; false at the deadline.
    bool waitFor(const T& item, std::chrono::milliseconds timeout = 5s)
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout,
                                  [&] { return std::find(m_items.begin(), m_items.end(), item) != m_items.end(); });
    }

    std::vector<T> items() const
    {
        std::lock_guard lock(m_mutex);
        return m_items;
    }

    std::size_t size() const
    {
        std::lock_guard lock(m_mutex);
        return m_items.size();
    }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::vector<T> m_items;
};

/// Polls `condition` until it holds or the deadline passes (for state owned by code under test).
inline bool eventually(const std::function<bool()>& condition, std::chrono::milliseconds timeout = 5s)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!condition())
    {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        std::this_thread::sleep_for(2ms); // a poll interval inside a deadline, not a guess at timing
    }
    return true;
}

} // namespace testsupport
