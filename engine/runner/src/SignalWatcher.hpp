#pragma once

#include <functional>
#include <thread>

#include <signal.h>

namespace runner
{

/// Turns SIGINT, SIGTERM and SIGHUP into a callback on a thread of its own, so the program ends
/// through its destructors (stopping a private broker) instead of dying. Make it before any other
/// thread: the signals are blocked in the threads started after it, which inherit the mask.
class SignalWatcher
{
public:
    /// `onSignal` runs on the watcher's thread; post to a queue from it.
    explicit SignalWatcher(std::function<void()> onSignal);
    ~SignalWatcher();
    SignalWatcher(const SignalWatcher&) = delete;
    SignalWatcher& operator=(const SignalWatcher&) = delete;

private:
    sigset_t m_signals;
    sigset_t m_previous;
    std::thread m_thread;
};

} // namespace runner
