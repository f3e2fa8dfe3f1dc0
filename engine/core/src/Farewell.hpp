#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>

namespace engine
{

struct GameInfo;

/// The "bye" a player sends before leaving on purpose, so the partner shows at once that it left.
std::string byeText(const GameInfo& info);
/// The partner's confirmation of a bye, sent from its network thread so it comes even while its
/// main loop is busy (an in-process partner may be waiting on the very thread that leaves).
std::string byeConfirmationText(const GameInfo& info);
/// Whether a message text is a bye / a confirmation of one. Never throw; any thread.
bool isBye(const std::string& text);
bool confirmsBye(const std::string& text);

/// Opened on the network thread when the partner confirms our bye, or says its own (then it will not
/// confirm ours); waited for on the main thread before the connection closes, so the bye is not lost
/// with a socket closed under it.
class ByeLatch
{
public:
    void open()
    {
        {
            std::lock_guard lock(m_mutex);
            m_open = true;
        }
        m_opened.notify_all();
    }

    /// True once open(); false when the timeout passed first.
    bool waitFor(std::chrono::milliseconds timeout)
    {
        std::unique_lock lock(m_mutex);
        return m_opened.wait_for(lock, timeout, [this] { return m_open; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_opened;
    bool m_open = false;
};

} // namespace engine
