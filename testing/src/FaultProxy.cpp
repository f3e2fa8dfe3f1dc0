#include <mqttgames/testing/FaultProxy.hpp>

#include "FileDescriptor.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <deque>
#include <list>
#include <mutex>
#include <stdexcept>
#include <thread>
#include <utility>
#include <vector>

namespace mqtt
{
namespace
{

using Clock = std::chrono::steady_clock;

using Fd = detail::FileDescriptor;

// Bytes read from one side, waiting until their release time to be written to the other.
struct Chunk
{
    Clock::time_point due;
    std::string bytes;
};

struct Connection
{
    Fd client;
    Fd server;
    std::deque<Chunk> toServer;
    std::deque<Chunk> toClient;
    // A side closed (or failed): nothing more is read from either side, what was read is still
    // delivered when due, then both sides are closed.
    bool closing = false;
    bool refuseMqtt5 = false; // until the client's CONNECT has been seen
};

// The protocol level of an MQTT CONNECT at the start of `bytes` (4: 3.1.1, 5: MQTT 5), or -1.
int protocolLevel(const std::string& bytes)
{
    if (bytes.empty() || static_cast<unsigned char>(bytes[0]) != 0x10)
        return -1;
    std::size_t at = 1;
    while (at < bytes.size() && at < 5 && (static_cast<unsigned char>(bytes[at]) & 0x80))
        ++at; // the remaining length, 1 to 4 bytes
    at += 1 + 2 + 4; // past the length, the protocol name's length and "MQTT"
    return at < bytes.size() ? static_cast<unsigned char>(bytes[at]) : -1;
}

void resetAbruptly(Fd& fd)
{
    if (!fd)
        return;
    linger hard{1, 0}; // close with RST, not FIN: like a connection that breaks
    ::setsockopt(fd.get(), SOL_SOCKET, SO_LINGER, &hard, sizeof hard);
    fd.reset();
}

} // namespace

struct FaultProxy::Impl
{
    std::string targetHost;
    int targetPort = 0;
    std::string listenHost = "127.0.0.1";
    int listenPort = 0;
    Fd listener;
    Fd wakeRead, wakeWrite;

    /// The faults asked for; the proxy thread takes a copy of them each turn.
    struct Faults
    {
        bool stalled = false;
        bool refusing = false;
        bool cutRequested = false;
        bool stopping = false;
        bool refusingMqtt5 = false;
        bool garbling = false;
        std::chrono::milliseconds delay{0};
    };
    mutable std::mutex mutex; // guards `faults` and `counts`
    Faults faults;
    struct
    {
        int accepted = 0;
        std::size_t toClients = 0;
    } counts;

    std::list<Connection> connections; // proxy thread only
    std::thread thread;

    void wake() const { [[maybe_unused]] auto n = ::write(wakeWrite.get(), "x", 1); }

    Fd connectTarget() const
    {
        Fd fd(::socket(AF_INET, SOCK_STREAM, 0));
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(static_cast<std::uint16_t>(targetPort));
        if (!fd || inet_pton(AF_INET, targetHost.c_str(), &address.sin_addr) != 1 ||
            ::connect(fd.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
            return Fd();
        return fd;
    }

    // Reads what is there into `queue`; false when the side closed.
    static bool readInto(const Fd& from, std::deque<Chunk>& queue, Clock::time_point due)
    {
        char buffer[16384];
        const auto n = ::recv(from.get(), buffer, sizeof buffer, MSG_DONTWAIT);
        if (n == 0)
            return false;
        if (n < 0)
            return errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR;
        queue.push_back({due, std::string(buffer, static_cast<std::size_t>(n))});
        return true;
    }

    // Writes the chunks that are due, until the socket would block; false when the side is gone
    // (its queue is then dropped: nobody is left to read it).
    static bool flush(const Fd& to, std::deque<Chunk>& queue, Clock::time_point now)
    {
        while (!queue.empty() && queue.front().due <= now)
        {
            auto& bytes = queue.front().bytes;
            const auto n = ::send(to.get(), bytes.data(), bytes.size(), MSG_DONTWAIT | MSG_NOSIGNAL);
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
                return true; // the rest waits for POLLOUT
            if (n < 0)
            {
                queue.clear();
                return false;
            }
            bytes.erase(0, static_cast<std::size_t>(n));
            if (!bytes.empty())
                return true;
            queue.pop_front();
        }
        return true;
    }

    // What to poll a side for: its bytes while the connection is open, and room to write once the
    // next chunk towards it is due (a write that would block waits for POLLOUT instead of a busy
    // retry). The time the next chunk towards it falls due lowers `timeout`.
    static short interest(bool reading, const std::deque<Chunk>& towards, Clock::time_point now, int& timeout)
    {
        short events = reading ? POLLIN : 0;
        if (towards.empty())
            return events;
        const auto wait = std::chrono::ceil<std::chrono::milliseconds>(towards.front().due - now).count();
        if (wait <= 0)
            return events | POLLOUT;
        timeout = timeout < 0 ? static_cast<int>(wait) : std::min(timeout, static_cast<int>(wait));
        return events;
    }

    // The client's first bytes: an MQTT 5 CONNECT is refused as a 3.1.1 broker refuses it.
    static void answerConnect(Connection& connection)
    {
        connection.refuseMqtt5 = false;
        if (protocolLevel(connection.toServer.front().bytes) != 5)
            return;
        connection.toServer.clear();
        connection.toClient.push_back({Clock::now(), std::string("\x20\x02\x00\x01", 4)});
        connection.closing = true;
    }

    void run()
    {
        for (;;)
        {
            Faults asked;
            {
                std::lock_guard lock(mutex);
                if (faults.stopping)
                    break;
                asked = faults;
                faults.cutRequested = false;
            }
            if (asked.cutRequested)
            {
                for (auto& connection : connections)
                {
                    resetAbruptly(connection.client);
                    resetAbruptly(connection.server);
                }
                connections.clear();
            }

            const auto now = Clock::now();
            std::vector<pollfd> fds{{listener.get(), POLLIN, 0}, {wakeRead.get(), POLLIN, 0}};
            int timeout = -1;
            for (auto& connection : connections)
            {
                // A socket with nothing to wait for is left out of the poll (fd -1): while stalled,
                // or closing with nothing due towards it, so that a peer that hung up meanwhile
                // does not wake us in a loop.
                const short clientEvents = asked.stalled ? 0 : interest(!connection.closing, connection.toClient, now, timeout);
                const short serverEvents = asked.stalled ? 0 : interest(!connection.closing, connection.toServer, now, timeout);
                fds.push_back({clientEvents ? connection.client.get() : -1, clientEvents, 0});
                fds.push_back({serverEvents ? connection.server.get() : -1, serverEvents, 0});
            }
            ::poll(fds.data(), fds.size(), timeout);

            if (fds[1].revents & POLLIN)
            {
                char drain[64];
                [[maybe_unused]] auto n = ::read(wakeRead.get(), drain, sizeof drain);
            }
            {
                // Read again after the poll: a setting changed while we waited applies to what woke us.
                std::lock_guard lock(mutex);
                asked.delay = faults.delay;
                asked.refusing = faults.refusing;
                asked.garbling = faults.garbling;
            }
            const auto due = Clock::now() + asked.delay;
            std::size_t index = 2;
            for (auto& connection : connections)
            {
                const auto clientEvents = fds[index].revents;
                const auto serverEvents = fds[index + 1].revents;
                index += 2;
                if (asked.stalled)
                    continue;
                const bool reading = !connection.closing;
                if (reading && (clientEvents & (POLLIN | POLLHUP | POLLERR)) && !readInto(connection.client, connection.toServer, due))
                    connection.closing = true;
                const std::size_t chunks = connection.toClient.size();
                if (reading && (serverEvents & (POLLIN | POLLHUP | POLLERR)) && !readInto(connection.server, connection.toClient, due))
                    connection.closing = true;
                if (connection.toClient.size() > chunks)
                {
                    std::lock_guard lock(mutex);
                    counts.toClients += connection.toClient.back().bytes.size();
                }
                if (connection.refuseMqtt5 && !connection.toServer.empty())
                    answerConnect(connection);
                if (asked.garbling && connection.toClient.size() > chunks)
                    for (auto& byte : connection.toClient.back().bytes)
                        byte = static_cast<char>(~byte);
                const auto flushTime = Clock::now();
                if (!flush(connection.server, connection.toServer, flushTime))
                    connection.closing = true;
                if (!flush(connection.client, connection.toClient, flushTime))
                    connection.closing = true;
            }
            // Accepted after the others were served: a new connection has no entry in `fds` yet.
            if (fds[0].revents & POLLIN)
            {
                Fd client(::accept4(listener.get(), nullptr, nullptr, SOCK_CLOEXEC));
                if (client && !asked.refusing)
                {
                    Fd server = connectTarget();
                    if (server)
                    {
                        const int one = 1;
                        ::setsockopt(client.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                        ::setsockopt(server.get(), IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                        connections.push_back({std::move(client), std::move(server), {}, {}, false, asked.refusingMqtt5});
                        std::lock_guard lock(mutex);
                        ++counts.accepted;
                    }
                }
            }

            // A side that closed: pass the close on once what was read before it is delivered (when
            // due, with the delay), so a last message followed by a close is not lost on the way.
            connections.remove_if([](const Connection& c) { return c.closing && c.toServer.empty() && c.toClient.empty(); });
        }
        connections.clear();
    }
};

FaultProxy::FaultProxy(std::string targetHost, int targetPort) : m_impl(std::make_unique<Impl>())
{
    Impl& d = *m_impl;
    d.targetHost = std::move(targetHost);
    d.targetPort = targetPort;
    d.listener = Fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (!d.listener || ::bind(d.listener.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(d.listener.get(), 64) != 0)
        throw std::runtime_error(std::string("FaultProxy: cannot listen: ") + std::strerror(errno));
    socklen_t length = sizeof address;
    ::getsockname(d.listener.get(), reinterpret_cast<sockaddr*>(&address), &length);
    d.listenPort = ntohs(address.sin_port);
    int pipeFds[2];
    if (::pipe2(pipeFds, O_CLOEXEC | O_NONBLOCK) != 0)
        throw std::runtime_error("FaultProxy: cannot create a pipe");
    d.wakeRead = Fd(pipeFds[0]);
    d.wakeWrite = Fd(pipeFds[1]);
    d.thread = std::thread([&d] { d.run(); });
}

FaultProxy::~FaultProxy()
{
    {
        std::lock_guard lock(m_impl->mutex);
        m_impl->faults.stopping = true;
    }
    m_impl->wake();
    m_impl->thread.join();
}

const std::string& FaultProxy::host() const
{
    return m_impl->listenHost;
}

int FaultProxy::port() const
{
    return m_impl->listenPort;
}

void FaultProxy::stall()
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->faults.stalled = true;
    m_impl->wake();
}

void FaultProxy::resume()
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->faults.stalled = false;
    m_impl->wake();
}

void FaultProxy::cut()
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->faults.cutRequested = true;
    m_impl->wake();
}

void FaultProxy::setRefusing(bool refusing)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->faults.refusing = refusing;
    m_impl->wake();
}

void FaultProxy::setDelay(std::chrono::milliseconds delay)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->faults.delay = delay;
    m_impl->wake();
}

void FaultProxy::setRefusingMqtt5(bool refusing)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->faults.refusingMqtt5 = refusing;
    m_impl->wake();
}

void FaultProxy::setGarbling(bool garbling)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->faults.garbling = garbling;
    m_impl->wake();
}

std::size_t FaultProxy::bytesToClients() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->counts.toClients;
}

int FaultProxy::connectionCount() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->counts.accepted;
}

} // namespace mqtt
