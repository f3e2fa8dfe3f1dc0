#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdio>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <tuple>
#include <utility>

namespace mqtt
{

/// A queue of calls, filled from any thread and drained on one (the main loop's).
/// Calls come out in the order they went in. Thread-safe; copies share the same queue.
/// It holds at most `capacity` calls: a producer that outruns the main loop (a flood from the
/// network) loses the calls beyond it, which are counted, rather than the process its memory.
class EventQueue
{
public:
    using Call = std::function<void()>;

    static constexpr std::size_t DefaultCapacity = 65536;

    explicit EventQueue(std::size_t capacity = DefaultCapacity) : m_state(std::make_shared<State>())
    {
        m_state->capacity = capacity;
    }

    /// Enqueues a call; never blocks for long. False (and counted in dropped()) when the queue is
    /// full. Any thread.
    bool push(Call call) const
    {
        {
            std::lock_guard lock(m_state->mutex);
            if (m_state->calls.size() >= m_state->capacity)
            {
                ++m_state->dropped;
                return false;
            }
            m_state->calls.push_back(std::move(call));
        }
        m_state->ready.notify_one();
        return true;
    }

    /// How many calls were dropped because the queue was full, since it was made. Any thread.
    std::size_t dropped() const
    {
        std::lock_guard lock(m_state->mutex);
        return m_state->dropped;
    }

    std::size_t capacity() const { return m_state->capacity; }

    /// Wraps a callback so that calling the wrapper (on any thread) enqueues the callback with a
    /// copy of its arguments; it then runs where the queue is drained. The wrapper keeps the queue
    /// alive, so it may outlive this object.
    template <typename... Args>
    std::function<void(Args...)> post(std::function<void(Args...)> callback) const
    {
        if (!callback)
            return {};
        return [state = m_state, callback = std::move(callback)](Args... args)
        {
            EventQueue queue(state);
            queue.push([callback, tuple = std::make_tuple(std::decay_t<Args>(args)...)]() mutable
                       { std::apply(callback, std::move(tuple)); });
        };
    }

    /// The same for any callable with one call signature (a lambda, a function pointer).
    template <typename F>
    auto post(F callback) const
    {
        return post(std::function(std::move(callback)));
    }

    /// Takes the oldest call without waiting; false when the queue is empty.
    bool tryPop(Call& out) const
    {
        std::lock_guard lock(m_state->mutex);
        if (m_state->calls.empty())
            return false;
        out = std::move(m_state->calls.front());
        m_state->calls.pop_front();
        return true;
    }

    /// Waits up to `timeout` for a call; false when none came.
    bool waitPop(Call& out, std::chrono::milliseconds timeout) const
    {
        std::unique_lock lock(m_state->mutex);
        if (!m_state->ready.wait_for(lock, timeout, [&] { return !m_state->calls.empty(); }))
            return false;
        out = std::move(m_state->calls.front());
        m_state->calls.pop_front();
        return true;
    }

    /// Runs the calls queued when it starts, in order, on the calling thread; returns how many.
    /// Calls queued meanwhile wait for the next drain, so a busy producer cannot stall a frame.
    std::size_t drain() const
    {
        std::deque<Call> batch;
        {
            std::lock_guard lock(m_state->mutex);
            batch.swap(m_state->calls);
        }
        for (auto& call : batch)
            run(call);
        return batch.size();
    }

    /// Runs one call as drain() runs each: an exception it throws is reported on stderr and counted
    /// in failures(), and goes no further, so the calls after it still run. For a call taken with
    /// tryPop() or waitPop().
    void run(const Call& call) const
    {
        try
        {
            call();
        }
        catch (const std::exception& error)
        {
            reportFailure(error.what());
        }
        catch (...)
        {
            reportFailure("an exception of unknown type");
        }
    }

    /// How many calls ended with an exception (see run()). Any thread.
    std::size_t failures() const
    {
        std::lock_guard lock(m_state->mutex);
        return m_state->failures;
    }

    /// Number of calls waiting. Any thread.
    std::size_t size() const
    {
        std::lock_guard lock(m_state->mutex);
        return m_state->calls.size();
    }

private:
    struct State
    {
        std::mutex mutex;
        std::condition_variable ready;
        std::deque<Call> calls;
        std::size_t capacity = DefaultCapacity;
        std::size_t dropped = 0;
        std::size_t failures = 0;
    };

    void reportFailure(const char* what) const
    {
        {
            std::lock_guard lock(m_state->mutex);
            ++m_state->failures;
        }
        std::fprintf(stderr, "mqttgames: a queued call failed and was skipped: %s\n", what);
    }

    explicit EventQueue(std::shared_ptr<State> state) : m_state(std::move(state)) {}

    std::shared_ptr<State> m_state;
};

} // namespace mqtt
