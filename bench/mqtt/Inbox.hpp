#pragma once

#include "Flavour.hpp"

#include <mqttgames/mqtt/EventQueue.hpp>

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

namespace bench
{

/// Hands a received payload on; called on a client's network thread.
using Delivery = std::function<void(const std::string& payload)>;

/// Where a consumer thread waits for what its client received.
/// delivery() may be called from any thread; pop() from one consumer thread only.
class Inbox
{
public:
    virtual ~Inbox() = default;

    /// The callback to give the client. It refers to this inbox, which must outlive the client.
    virtual Delivery delivery() = 0;
    /// Waits up to `timeout` for the next payload.
    virtual std::optional<std::string> pop(std::chrono::milliseconds timeout) = 0;
};

/// Ours, as a game uses it: the callback is EventQueue::post'ed, the consumer runs it from waitPop.
class QueueInbox : public Inbox
{
public:
    Delivery delivery() override;
    std::optional<std::string> pop(std::chrono::milliseconds timeout) override;

private:
    mqtt::EventQueue m_queue;
    std::optional<std::string> m_received; // written by the posted call, on the consumer thread
};

/// The baseline: a deque of payloads, one mutex and one condition variable.
class SignalInbox : public Inbox
{
public:
    Delivery delivery() override;
    std::optional<std::string> pop(std::chrono::milliseconds timeout) override;

private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<std::string> m_payloads;
};

/// The inbox a flavour is measured with: SignalInbox for raw libmosquitto, QueueInbox for ours.
std::unique_ptr<Inbox> makeInbox(Flavour flavour);

} // namespace bench
