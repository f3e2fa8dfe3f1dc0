#include <mqttgames/mqtt/Reactor.hpp>

#include "FileDescriptor.hpp"

#include <openssl/crypto.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <map>
#include <mutex>
#include <stdexcept>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

namespace mqtt
{
namespace
{

using Clock = std::chrono::steady_clock;

// The wake-up eventfd's entry in epoll; watch ids start above it.
constexpr Reactor::WatchId WakeId = 0;

using detail::FileDescriptor;

int checked(int fd, const char* what)
{
    if (fd < 0)
        throw std::runtime_error(std::string("mqtt: reactor: ") + what + ": " + std::strerror(errno));
    return fd;
}

struct Watch
{
    int fd;
    bool wantWrite;
    std::shared_ptr<Reactor::SocketHandler> handler; // shared: a handler may unwatch itself while it runs
};

} // namespace

struct Reactor::State
{
    FileDescriptor epoll{checked(epoll_create1(EPOLL_CLOEXEC), "epoll_create1")};
    FileDescriptor wake{checked(eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK), "eventfd")};
    std::thread thread;
    std::thread::id threadId; // written before the constructor returns, read-only after

    std::mutex mutex; // guards tasks, stopping and ended
    std::vector<Task> tasks;
    bool stopping = false;
    bool ended = false; // the loop is over: what is posted now is dropped

    // Reactor thread only.
    std::map<std::pair<Clock::time_point, TimerId>, Task> timers;
    std::unordered_map<TimerId, Clock::time_point> timerDeadlines;
    TimerId nextTimer = 1;
    std::unordered_map<WatchId, Watch> watches;
    std::unordered_map<int, WatchId> watchOfFd; // whose registration epoll holds for each fd
    WatchId nextWatch = WakeId + 1;
    bool closing = false; // the loop is over: timers and watches are no longer taken

    void wakeUp() const
    {
        const std::uint64_t one = 1;
        [[maybe_unused]] const auto written = ::write(wake.get(), &one, sizeof one);
    }

    // Runs the timers that are due; returns the epoll timeout until the next one (-1: none).
    int runTimers()
    {
        for (;;)
        {
            if (timers.empty())
                return -1;
            const auto now = Clock::now();
            auto first = timers.begin();
            if (first->first.first > now)
            {
                const auto wait = std::chrono::ceil<std::chrono::milliseconds>(first->first.first - now);
                return static_cast<int>(std::min<std::chrono::milliseconds::rep>(wait.count(), 60000));
            }
            Task task = std::move(first->second);
            timerDeadlines.erase(first->first.second);
            timers.erase(first);
            task();
        }
    }

    // Runs the tasks posted so far; false once stopping with nothing left to run.
    bool runTasks()
    {
        std::vector<Task> batch;
        {
            std::lock_guard lock(mutex);
            batch.swap(tasks);
            if (batch.empty() && stopping)
                return false;
        }
        for (auto& task : batch)
            task();
        return true;
    }

    void dispatch(const epoll_event& event)
    {
        if (event.data.u64 == WakeId)
        {
            std::uint64_t count = 0;
            [[maybe_unused]] const auto read = ::read(wake.get(), &count, sizeof count);
            return;
        }
        const auto found = watches.find(event.data.u64);
        if (found == watches.end())
            return; // unwatched by an earlier handler of this round
        const auto handler = found->second.handler;
        (*handler)((event.events & EPOLLIN) != 0, (event.events & EPOLLOUT) != 0,
                   (event.events & (EPOLLERR | EPOLLHUP)) != 0);
    }

    void run()
    {
        epoll_event events[256];
        // Tasks first: a task may start a timer that is due before the next event. Once stopping,
        // timers no longer count and nothing blocks: the tasks left run, then the loop ends.
        while (runTasks())
        {
            const int timeout = isStopping() ? 0 : runTimers();
            const int count = epoll_wait(epoll.get(), events, 256, timeout);
            for (int i = 0; i < count; ++i)
                dispatch(events[i]);
        }
        // Whatever is still watched or timed is let go here: the clients' states close their
        // connections as they are destroyed. Moved out first, since those destructors call unwatch().
        closing = true;
        auto lastWatches = std::move(watches);
        auto lastTimers = std::move(timers);
        watches.clear();
        timers.clear();
        timerDeadlines.clear();
        lastTimers.clear();
        lastWatches.clear();
        std::vector<Task> left;
        {
            std::lock_guard lock(mutex);
            ended = true;
            left.swap(tasks);
        }
    }

    bool isStopping()
    {
        std::lock_guard lock(mutex);
        return stopping;
    }

    void control(int operation, int fd, WatchId id, bool wantWrite)
    {
        epoll_event event{};
        event.events = EPOLLIN | (wantWrite ? EPOLLOUT : 0u);
        event.data.u64 = id;
        if (epoll_ctl(epoll.get(), operation, fd, &event) != 0 && operation == EPOLL_CTL_ADD && errno == EEXIST)
            epoll_ctl(epoll.get(), EPOLL_CTL_MOD, fd, &event);
    }
};

Reactor::Reactor() : m_state(std::make_shared<State>())
{
    m_state->control(EPOLL_CTL_ADD, m_state->wake.get(), WakeId, false);
    std::mutex started;
    std::unique_lock lock(started);
    std::condition_variable ready;
    bool running = false;
    // The thread shares the state, so that it can finish even when the last client is destroyed
    // from one of its own callbacks (then the destructor cannot join it).
    m_state->thread = std::thread(
        [state = m_state, &started, &ready, &running]
        {
            {
                // Notified under the lock: the constructor may return, and `ready` go, right after.
                std::lock_guard lock(started);
                state->threadId = std::this_thread::get_id();
                running = true;
                ready.notify_one();
            }
            state->run();
            // What OpenSSL keeps for this thread (its random generator's state: the keys of signed
            // pairs are made here) goes with it, not at some point after the program's end.
            OPENSSL_thread_stop();
        });
    ready.wait(lock, [&] { return running; });
}

Reactor::~Reactor()
{
    {
        std::lock_guard lock(m_state->mutex);
        m_state->stopping = true;
    }
    m_state->wakeUp();
    if (onThread())
        m_state->thread.detach();
    else
        m_state->thread.join();
}

std::shared_ptr<Reactor> Reactor::shared()
{
    static std::mutex mutex;
    static std::weak_ptr<Reactor> current;
    std::lock_guard lock(mutex);
    auto reactor = current.lock();
    if (!reactor)
    {
        reactor = std::make_shared<Reactor>();
        current = reactor;
    }
    return reactor;
}

void Reactor::post(Task task)
{
    ref().post(std::move(task));
}

bool Reactor::onThread() const
{
    return ref().onThread();
}

Reactor::TimerId Reactor::after(std::chrono::steady_clock::duration delay, Task task)
{
    return ref().after(delay, std::move(task));
}

void Reactor::cancel(TimerId timer)
{
    ref().cancel(timer);
}

Reactor::WatchId Reactor::watch(int fd, bool wantWrite, SocketHandler handler)
{
    return ref().watch(fd, wantWrite, std::move(handler));
}

void Reactor::setWantWrite(WatchId watch, bool wantWrite)
{
    ref().setWantWrite(watch, wantWrite);
}

void Reactor::unwatch(WatchId watch)
{
    ref().unwatch(watch);
}

void Reactor::Ref::post(Task task) const
{
    bool wasEmpty = false;
    {
        std::lock_guard lock(m_state->mutex);
        if (m_state->ended)
            return; // `task` goes as this returns, outside the lock
        wasEmpty = m_state->tasks.empty();
        m_state->tasks.push_back(std::move(task));
    }
    if (wasEmpty)
        m_state->wakeUp();
}

bool Reactor::Ref::onThread() const
{
    return std::this_thread::get_id() == m_state->threadId;
}

Reactor::TimerId Reactor::Ref::after(std::chrono::steady_clock::duration delay, Task task) const
{
    State& s = *m_state;
    if (s.closing)
        return 0;
    const TimerId id = s.nextTimer++;
    const auto deadline = Clock::now() + delay;
    s.timers.emplace(std::make_pair(deadline, id), std::move(task));
    s.timerDeadlines.emplace(id, deadline);
    return id;
}

void Reactor::Ref::cancel(TimerId timer) const
{
    State& s = *m_state;
    const auto found = s.timerDeadlines.find(timer);
    if (found == s.timerDeadlines.end())
        return;
    s.timers.erase(std::make_pair(found->second, timer));
    s.timerDeadlines.erase(found);
}

Reactor::WatchId Reactor::Ref::watch(int fd, bool wantWrite, SocketHandler handler) const
{
    State& s = *m_state;
    if (s.closing)
        return 0;
    const WatchId id = s.nextWatch++;
    if (const auto stale = s.watchOfFd.find(fd); stale != s.watchOfFd.end())
        s.watches.erase(stale->second); // its socket was closed and the number reused
    s.watches.emplace(id, Watch{fd, wantWrite, std::make_shared<SocketHandler>(std::move(handler))});
    s.watchOfFd[fd] = id;
    s.control(EPOLL_CTL_ADD, fd, id, wantWrite);
    return id;
}

void Reactor::Ref::setWantWrite(WatchId watch, bool wantWrite) const
{
    State& s = *m_state;
    const auto found = s.watches.find(watch);
    if (found == s.watches.end() || found->second.wantWrite == wantWrite)
        return;
    found->second.wantWrite = wantWrite;
    s.control(EPOLL_CTL_MOD, found->second.fd, watch, wantWrite);
}

void Reactor::Ref::unwatch(WatchId watch) const
{
    State& s = *m_state;
    const auto found = s.watches.find(watch);
    if (found == s.watches.end())
        return;
    const int fd = found->second.fd;
    if (const auto owner = s.watchOfFd.find(fd); owner != s.watchOfFd.end() && owner->second == watch)
    {
        epoll_ctl(s.epoll.get(), EPOLL_CTL_DEL, fd, nullptr); // fails harmlessly when already closed
        s.watchOfFd.erase(owner);
    }
    s.watches.erase(found);
}

} // namespace mqtt
