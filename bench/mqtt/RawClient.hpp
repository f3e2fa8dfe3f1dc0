#pragma once

#include "Inbox.hpp"

#include <condition_variable>
#include <memory>
#include <mutex>
#include <set>
#include <string>

struct mosquitto;
struct mosquitto_message;

namespace bench
{

/// The baseline: libmosquitto used directly, with its best settings (TCP_NODELAY, its own loop
/// thread from mosquitto_loop_start). Received payloads are copied and handed to `onMessage` on the
/// loop thread. Throws std::runtime_error when it cannot connect or subscribe.
class RawClient
{
public:
    explicit RawClient(Delivery onMessage);
    RawClient(const RawClient&) = delete;
    RawClient& operator=(const RawClient&) = delete;
    /// Disconnects and joins the loop thread.
    ~RawClient();

    /// Connects and waits for the broker's CONNACK.
    void connect(const std::string& host, int port);
    /// Subscribes and waits for the SUBACK, so that what is published afterwards arrives.
    void subscribe(const std::string& topic, int qos);
    /// Queues a message; false when libmosquitto refuses it.
    bool publish(const std::string& topic, const std::string& payload, int qos);

private:
    struct Deleter
    {
        void operator()(mosquitto* handle) const;
    };

    static void handleConnect(mosquitto*, void* self, int rc);
    static void handleSubscribe(mosquitto*, void* self, int mid, int count, const int* granted);
    static void handleMessage(mosquitto*, void* self, const mosquitto_message* message);

    Delivery m_onMessage;
    std::unique_ptr<mosquitto, Deleter> m_handle;
    bool m_loopRunning = false;

    std::mutex m_mutex; // guards the two below
    std::condition_variable m_changed;
    int m_connack = -1;
    std::set<int> m_subacks;
};

} // namespace bench
