#include "LineReader.hpp"

#include <cerrno>

#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

namespace engine
{

LineReader::LineReader(int fd, mqtt::EventQueue queue, LineCallback onLine)
{
    if (::pipe2(m_wake, O_CLOEXEC) != 0)
        m_wake[0] = m_wake[1] = -1;
    m_thread = std::thread(&LineReader::run, this, fd, std::move(queue), std::move(onLine));
}

LineReader::~LineReader()
{
    if (m_wake[1] >= 0)
    {
        const char byte = 0;
        [[maybe_unused]] const auto written = ::write(m_wake[1], &byte, 1);
    }
    m_thread.join();
    for (int end : m_wake)
        if (end >= 0)
            ::close(end);
}

void LineReader::run(int fd, mqtt::EventQueue queue, LineCallback onLine)
{
    std::string pending;
    char buffer[512];
    for (;;)
    {
        pollfd watched[2] = {{fd, POLLIN, 0}, {m_wake[0], POLLIN, 0}};
        if (::poll(watched, m_wake[0] >= 0 ? 2 : 1, -1) < 0)
        {
            if (errno == EINTR)
                continue;
            break;
        }
        if (watched[1].revents != 0)
            return; // asked to stop: post nothing more
        const ssize_t count = ::read(fd, buffer, sizeof buffer);
        if (count < 0 && errno == EINTR)
            continue;
        if (count <= 0)
            break;
        pending.append(buffer, static_cast<std::size_t>(count));
        for (auto end = pending.find('\n'); end != std::string::npos; end = pending.find('\n'))
        {
            std::string line = pending.substr(0, end);
            if (!line.empty() && line.back() == '\r')
                line.pop_back();
            pending.erase(0, end + 1);
            queue.push([onLine, line = std::move(line)] { onLine(line); });
        }
    }
    if (!pending.empty())
        queue.push([onLine, line = std::move(pending)] { onLine(line); });
    queue.push([onLine] { onLine(std::nullopt); });
}

} // namespace engine
