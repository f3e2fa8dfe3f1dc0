#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <stdexcept>
#include <thread>
#include <vector>

namespace testsupport
{

/// A "broker" on a free 127.0.0.1 port that accepts TCP connections and never says a word, as a
/// broker behind a network that drops every packet after the handshake looks to a client.
class SilentBroker
{
public:
    SilentBroker()
    {
        m_listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_listener < 0 || ::bind(m_listener, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            ::listen(m_listener, 64) != 0 || ::getsockname(m_listener, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            throw std::runtime_error("SilentBroker: cannot listen");
        m_port = ntohs(address.sin_port);
        m_thread = std::thread([this] { run(); });
    }
    SilentBroker(const SilentBroker&) = delete;
    SilentBroker& operator=(const SilentBroker&) = delete;
    ~SilentBroker()
    {
        m_stop = true;
        m_thread.join();
        for (int fd : m_accepted)
            ::close(fd);
        ::close(m_listener);
    }

    int port() const { return m_port; }
    /// Connections accepted so far.
    int accepted() const { return m_count; }

private:
    void run()
    {
        while (!m_stop)
        {
            pollfd listening{m_listener, POLLIN, 0};
            if (::poll(&listening, 1, 20) == 1)
            {
                const int fd = ::accept4(m_listener, nullptr, nullptr, SOCK_CLOEXEC);
                if (fd >= 0)
                {
                    m_accepted.push_back(fd); // held open, never read, never answered
                    ++m_count;
                }
            }
        }
    }

    int m_listener = -1;
    int m_port = 0;
    std::atomic<bool> m_stop{false};
    std::atomic<int> m_count{0};
    std::vector<int> m_accepted; // the thread's until it is joined
    std::thread m_thread;
};

} // namespace testsupport
