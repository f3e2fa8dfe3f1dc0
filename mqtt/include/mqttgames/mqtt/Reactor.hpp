#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <utility>

namespace mqtt
{

/// One network thread for many clients: an epoll loop that runs posted tasks, timers and socket
/// watches. Every MQTTClient and GameClient runs on one (by default the process-wide shared()), so
/// a process with thousands of clients still has one network thread, and their callbacks run there.
/// post() and onThread() may be called from any thread; everything else from the reactor's thread.
class Reactor
{
    struct State;

public:
    using Task = std::function<void()>;
    /// Told which of readable, writable, error/hang-up the socket is.
    using SocketHandler = std::function<void(bool readable, bool writable, bool failed)>;
    using TimerId = std::uint64_t;
    using WatchId = std::uint64_t;

    /// What a client's own state keeps to reach the loop: the same calls as the reactor's, without
    /// keeping its thread alive (the clients' facades do that). Once the reactor has ended, what is
    /// posted, timed or watched through it is let go at once.
    class Ref
    {
    public:
        void post(Task task) const;
        bool onThread() const;
        TimerId after(std::chrono::steady_clock::duration delay, Task task) const;
        void cancel(TimerId timer) const;
        WatchId watch(int fd, bool wantWrite, SocketHandler handler) const;
        void setWantWrite(WatchId watch, bool wantWrite) const;
        void unwatch(WatchId watch) const;

    private:
        friend class Reactor;
        explicit Ref(std::shared_ptr<State> state) : m_state(std::move(state)) {}
        std::shared_ptr<State> m_state;
    };

    /// Starts the thread.
    Reactor();
    /// Runs what was posted before, lets go of pending timers and watches (their clients close their
    /// sockets as they go), then ends the thread: joined, unless this runs on that thread.
    ~Reactor();
    Reactor(const Reactor&) = delete;
    Reactor& operator=(const Reactor&) = delete;

    /// The process-wide reactor, made on first use and ended with its last user.
    static std::shared_ptr<Reactor> shared();
    Ref ref() const { return Ref(m_state); }

    /// Runs `task` on the reactor's thread soon, after the tasks posted before it. Any thread.
    void post(Task task);
    /// Whether the caller runs on the reactor's thread. Any thread.
    bool onThread() const;

    /// Runs `task` once after `delay`. Reactor thread.
    TimerId after(std::chrono::steady_clock::duration delay, Task task);
    /// Forgets a timer that has not fired; unknown ids are ignored. Reactor thread.
    void cancel(TimerId timer);

    /// Calls `handler` while `fd` is readable (and writable, when asked). Reactor thread.
    WatchId watch(int fd, bool wantWrite, SocketHandler handler);
    void setWantWrite(WatchId watch, bool wantWrite);
    /// Stops watching; the socket itself is not closed. Unknown ids are ignored. Reactor thread.
    void unwatch(WatchId watch);

private:
    std::shared_ptr<State> m_state;
};

} // namespace mqtt
