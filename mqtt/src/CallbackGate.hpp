#pragma once

#include <condition_variable>
#include <cstdio>
#include <exception>
#include <mutex>
#include <thread>
#include <utility>

namespace mqtt::detail
{

/// What lets a client's user callbacks run, and closes for good when the client is destroyed:
/// close() waits for a callback running on another thread to return, so nothing the callback uses
/// goes away under it; called from inside a callback (the client destroyed by its own callback) it
/// does not wait for itself. No lock is held while a callback runs, so callbacks may call the client.
/// A callback that throws is reported on stderr: the exception must not unwind through the reactor
/// or libmosquitto's C code, and the other clients go on.
class CallbackGate
{
public:
    /// Calls `call` unless the gate is closed; one caller at a time, nested calls allowed.
    template <typename F>
    void run(F&& call)
    {
        {
            std::unique_lock lock(m_mutex);
            const auto self = std::this_thread::get_id();
            if (m_runner == self)
            {
                const bool closed = m_closed;
                lock.unlock();
                if (!closed)
                    guarded(std::forward<F>(call));
                return;
            }
            m_idle.wait(lock, [&] { return m_runner == std::thread::id{}; });
            if (m_closed)
                return;
            m_runner = self;
        }
        struct Release
        {
            CallbackGate& gate;
            ~Release()
            {
                {
                    std::lock_guard lock(gate.m_mutex);
                    gate.m_runner = {};
                }
                gate.m_idle.notify_all();
            }
        } release{*this};
        guarded(std::forward<F>(call));
    }

    /// No callback runs after this returns (except the one that called it, which finishes).
    void close()
    {
        std::unique_lock lock(m_mutex);
        const auto self = std::this_thread::get_id();
        m_idle.wait(lock, [&] { return m_runner == std::thread::id{} || m_runner == self; });
        m_closed = true;
    }

private:
    template <typename F>
    static void guarded(F&& call)
    {
        try
        {
            std::forward<F>(call)();
        }
        catch (const std::exception& e)
        {
            std::fprintf(stderr, "[mqtt] a callback threw: %s\n", e.what());
        }
        catch (...)
        {
            std::fprintf(stderr, "[mqtt] a callback threw\n");
        }
    }

    std::mutex m_mutex;
    std::condition_variable m_idle;
    std::thread::id m_runner;
    bool m_closed = false;
};

} // namespace mqtt::detail
