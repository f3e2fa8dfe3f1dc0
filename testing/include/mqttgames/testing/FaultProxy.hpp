#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>

namespace mqtt
{

/// A TCP proxy on a free 127.0.0.1 port that forwards to a target (a broker) and can stall, cut and
/// delay its connections, so tests can make network faults happen for real. Runs one thread of its
/// own; every method may be called from any thread.
class FaultProxy
{
public:
    /// Starts listening; throws std::runtime_error when it cannot.
    FaultProxy(std::string targetHost, int targetPort);
    FaultProxy(const FaultProxy&) = delete;
    FaultProxy& operator=(const FaultProxy&) = delete;
    /// Closes every connection and joins the thread.
    ~FaultProxy();

    /// Where clients connect instead of the target.
    const std::string& host() const;
    int port() const;

    /// Stops forwarding in both directions while keeping the connections open, like a cable pulled
    /// out: nobody sees a close, the bytes wait. resume() forwards them again.
    void stall();
    void resume();
    /// Resets every current connection at once (new ones are still accepted).
    void cut();
    /// Refuses new connections (they are closed at once) until allowed again.
    void setRefusing(bool refusing);
    /// Holds every chunk this long before forwarding it; a side's close is passed on only after the
    /// chunks read before it were delivered.
    void setDelay(std::chrono::milliseconds delay);
    /// Answers an MQTT 5 CONNECT as a broker that speaks only 3.1.1 must: CONNACK "unacceptable
    /// protocol version", then closes. Other CONNECTs pass. Applies to new connections.
    void setRefusingMqtt5(bool refusing);
    /// Garbles what the target sends from now on (every byte inverted), so its clients see a
    /// malformed packet or, over TLS, a broken record.
    void setGarbling(bool garbling);
    /// Connections accepted so far.
    int connectionCount() const;
    /// Bytes the target sent towards clients so far.
    std::size_t bytesToClients() const;

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace mqtt
