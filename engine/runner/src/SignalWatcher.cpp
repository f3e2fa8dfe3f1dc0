#include "SignalWatcher.hpp"

#include <pthread.h>

namespace runner
{

SignalWatcher::SignalWatcher(std::function<void()> onSignal)
{
    sigemptyset(&m_signals);
    sigaddset(&m_signals, SIGINT);
    sigaddset(&m_signals, SIGTERM);
    sigaddset(&m_signals, SIGHUP);
    sigaddset(&m_signals, SIGUSR1); // the destructor's wake-up
    pthread_sigmask(SIG_BLOCK, &m_signals, &m_previous);
    m_thread = std::thread(
        [this, onSignal = std::move(onSignal)]
        {
            for (;;)
            {
                int received = 0;
                if (sigwait(&m_signals, &received) != 0 || received == SIGUSR1)
                    return;
                onSignal();
            }
        });
}

SignalWatcher::~SignalWatcher()
{
    pthread_kill(m_thread.native_handle(), SIGUSR1);
    m_thread.join();
    pthread_sigmask(SIG_SETMASK, &m_previous, nullptr);
}

} // namespace runner
