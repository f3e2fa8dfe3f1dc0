#include "RawClient.hpp"

#include <mosquitto.h>

#include <chrono>
#include <stdexcept>

namespace bench
{
namespace
{

constexpr std::chrono::seconds AnswerTimeout{10};

void ensureLibrary()
{
    struct Library
    {
        Library() { mosquitto_lib_init(); }
        ~Library() { mosquitto_lib_cleanup(); }
    };
    static const Library library; // once per process, before the first client
}

} // namespace

void RawClient::Deleter::operator()(mosquitto* handle) const
{
    mosquitto_destroy(handle);
}

RawClient::RawClient(Delivery onMessage) : m_onMessage(std::move(onMessage))
{
    ensureLibrary();
    m_handle.reset(mosquitto_new(nullptr, true, this));
    if (!m_handle)
        throw std::runtime_error("raw: mosquitto_new failed");
    mosquitto_connect_callback_set(m_handle.get(), &RawClient::handleConnect);
    mosquitto_subscribe_callback_set(m_handle.get(), &RawClient::handleSubscribe);
    mosquitto_message_callback_set(m_handle.get(), &RawClient::handleMessage);
    mosquitto_int_option(m_handle.get(), MOSQ_OPT_TCP_NODELAY, 1);
}

RawClient::~RawClient()
{
    if (m_loopRunning)
    {
        mosquitto_disconnect(m_handle.get());
        mosquitto_loop_stop(m_handle.get(), false);
    }
}

void RawClient::connect(const std::string& host, int port)
{
    int rc = mosquitto_connect(m_handle.get(), host.c_str(), port, 60);
    if (rc == MOSQ_ERR_SUCCESS)
        rc = mosquitto_loop_start(m_handle.get());
    if (rc != MOSQ_ERR_SUCCESS)
        throw std::runtime_error(std::string("raw: cannot connect: ") + mosquitto_strerror(rc));
    m_loopRunning = true;
    std::unique_lock lock(m_mutex);
    if (!m_changed.wait_for(lock, AnswerTimeout, [this] { return m_connack >= 0; }) || m_connack != 0)
        throw std::runtime_error("raw: the broker did not accept the connection");
}

void RawClient::subscribe(const std::string& topic, int qos)
{
    int mid = 0;
    const int rc = mosquitto_subscribe(m_handle.get(), &mid, topic.c_str(), qos);
    if (rc != MOSQ_ERR_SUCCESS)
        throw std::runtime_error(std::string("raw: cannot subscribe: ") + mosquitto_strerror(rc));
    std::unique_lock lock(m_mutex);
    if (!m_changed.wait_for(lock, AnswerTimeout, [&] { return m_subacks.erase(mid) > 0; }))
        throw std::runtime_error("raw: no SUBACK for '" + topic + "'");
}

bool RawClient::publish(const std::string& topic, const std::string& payload, int qos)
{
    return mosquitto_publish(m_handle.get(), nullptr, topic.c_str(), static_cast<int>(payload.size()), payload.data(),
                             qos, false) == MOSQ_ERR_SUCCESS;
}

void RawClient::handleConnect(mosquitto*, void* self, int rc)
{
    auto& client = *static_cast<RawClient*>(self);
    {
        std::lock_guard lock(client.m_mutex);
        client.m_connack = rc;
    }
    client.m_changed.notify_all();
}

void RawClient::handleSubscribe(mosquitto*, void* self, int mid, int, const int*)
{
    auto& client = *static_cast<RawClient*>(self);
    {
        std::lock_guard lock(client.m_mutex);
        client.m_subacks.insert(mid);
    }
    client.m_changed.notify_all();
}

void RawClient::handleMessage(mosquitto*, void* self, const mosquitto_message* message)
{
    auto& client = *static_cast<RawClient*>(self);
    // Copied here: libmosquitto frees the message when this callback returns.
    client.m_onMessage(std::string(static_cast<const char*>(message->payload),
                                   static_cast<std::size_t>(message->payloadlen)));
}

} // namespace bench
