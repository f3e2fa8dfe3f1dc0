#pragma once

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>

#include <mqttgames/mqtt/MQTTClient.hpp>

namespace bench
{

/// A real MQTT client publishing move-sized messages at a steady rate from its own thread, until
/// destroyed. Throws std::runtime_error when it cannot connect.
class Publisher
{
public:
    Publisher(const std::string& host, int port, std::string topic, double perSecond);
    ~Publisher();

    std::uint64_t sent() const { return m_sent.load(); }

private:
    void run(std::stop_token stop);

    mqtt::MQTTClient m_client;
    std::string m_topic;
    double m_perSecond;
    std::atomic<std::uint64_t> m_sent{0};
    std::jthread m_thread; // last: it uses the members above
};

} // namespace bench
