#pragma once

#include "Flavour.hpp"
#include "Inbox.hpp"

#include <chrono>
#include <memory>
#include <string>

namespace bench
{

/// One connected client of a pair, whatever its flavour.
class Endpoint
{
public:
    virtual ~Endpoint() = default;

    /// Sends a payload to the partner; false when the client refused it.
    virtual bool send(const std::string& payload) = 0;
    /// Waits until a partner is there to send to (a GameClient pairs; the others need not).
    virtual bool waitReady(std::chrono::milliseconds timeout) = 0;
};

/// Where to find the broker and what the pair talks on.
struct PairPlan
{
    std::string host;
    int port = 0;
    /// GameClient: the one topic of the pair. Others: side A listens on "<topic>/a" and sends to
    /// "<topic>/b", side B the other way round, so that nobody receives its own messages.
    std::string topic;
    /// Publish and subscribe qos; a GameClient only speaks qos 0.
    int qos = 0;
};

/// Connects one side (and subscribes); its received payloads go to `onMessage` on its network
/// thread. Throws std::runtime_error when it cannot connect.
std::unique_ptr<Endpoint> connectSide(Flavour flavour, const PairPlan& plan, Side side, Delivery onMessage);

struct EndpointPair
{
    std::unique_ptr<Endpoint> a;
    std::unique_ptr<Endpoint> b;
};

/// Connects both sides, B first, and waits until each can send to the other. Throws on failure.
EndpointPair connectPair(Flavour flavour, const PairPlan& plan, Delivery onA, Delivery onB);

} // namespace bench
