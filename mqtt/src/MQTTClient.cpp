#include <mqttgames/mqtt/MQTTClient.hpp>

#include "MosquittoLibrary.hpp"
#include "VerboseLog.hpp"

#include <mosquitto.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cerrno>
#include <condition_variable>
#include <cstring>
#include <deque>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

namespace mqtt
{
namespace
{

struct MosquittoDeleter
{
    void operator()(mosquitto* handle) const { mosquitto_destroy(handle); }
};

std::string describe(int rc)
{
    if (rc == MOSQ_ERR_ERRNO)
        return std::strerror(errno);
    return mosquitto_strerror(rc);
}

// Acknowledgements of (un)subscriptions, by message id. Bounded: ids of requests nobody waits for
// (those made on the network thread, or again after a reconnect) fall off the end.
class AckLog
{
public:
    void record(int mid, bool granted)
    {
        m_acks.emplace_back(mid, granted);
        if (m_acks.size() > 256)
            m_acks.pop_front();
    }

    std::optional<bool> take(int mid)
    {
        const auto it = std::find_if(m_acks.begin(), m_acks.end(), [&](const auto& ack) { return ack.first == mid; });
        if (it == m_acks.end())
            return std::nullopt;
        const bool granted = it->second;
        m_acks.erase(it);
        return granted;
    }

private:
    std::deque<std::pair<int, bool>> m_acks;
};

enum class Link
{
    Idle,         // no network thread
    Connecting,   // connect() waits for the broker's answer
    Connected,    // accepted
    Reconnecting, // an accepted connection dropped; libmosquitto retries with backoff
};

} // namespace

struct MQTTClient::Impl
{
    Impl(MessageCallback callback, std::string user, std::string pass) :
    onMessage(std::move(callback)),
    username(std::move(user)),
    password(std::move(pass))
    {
    }

    // Set before connect() and read on the network thread only while it runs.
    MessageCallback onMessage;
    DetailedMessageCallback onDetailedMessage;
    ConnectionCallback onConnection;
    const std::string username;
    const std::string password;

    std::unique_ptr<mosquitto, MosquittoDeleter> handle;
    detail::VerboseLog log{"mqtt"};

    std::mutex lifecycle; // serialises connect() and disconnect()

    mutable std::mutex mutex; // guards everything below
    std::condition_variable changed;
    Link link = Link::Idle;
    bool loopRunning = false;
    std::string failure; // why the pending connect failed
    std::string lastError;
    std::thread::id networkThread;
    std::map<std::string, int> subscriptions; // remembered, to subscribe again after a reconnect
    AckLog acks;
    std::chrono::milliseconds connectTimeout{5000};
    std::chrono::seconds reconnectDelay{1};
    std::chrono::seconds reconnectDelayMax{16};
    std::optional<std::tuple<std::string, std::string, int, bool>> will;
    TlsOptions tls;
    std::string endpoint;

    void setError(std::string text)
    {
        std::lock_guard lock(mutex);
        lastError = std::move(text);
    }

    bool onNetworkThread() const
    {
        std::lock_guard lock(mutex);
        return networkThread == std::this_thread::get_id();
    }

    // Waits for the broker to acknowledge (un)subscription `mid`. False after the connect timeout.
    bool awaitAck(int mid)
    {
        std::unique_lock lock(mutex);
        std::optional<bool> granted;
        const bool answered = changed.wait_for(lock, connectTimeout,
                                               [&]
                                               {
                                                   granted = acks.take(mid);
                                                   return granted.has_value() || link != Link::Connected;
                                               });
        if (!answered || !granted)
        {
            lastError = answered ? "connection lost before the broker answered" : "the broker did not answer in time";
            return false;
        }
        if (!*granted)
            lastError = "the broker refused the subscription";
        return *granted;
    }

    void stopLoop()
    {
        {
            std::lock_guard lock(mutex);
            if (!loopRunning)
                return;
        }
        mosquitto_disconnect(handle.get());
        mosquitto_loop_stop(handle.get(), false);
        std::lock_guard lock(mutex);
        loopRunning = false;
        link = Link::Idle;
        networkThread = {};
        changed.notify_all();
    }

    static Impl& of(void* userdata) { return *static_cast<Impl*>(userdata); }

    static void handleConnect(mosquitto* handle, void* userdata, int rc)
    {
        Impl& self = of(userdata);
        std::vector<std::pair<std::string, int>> resubscribe;
        bool reconnected = false;
        {
            std::lock_guard lock(self.mutex);
            self.networkThread = std::this_thread::get_id();
            if (rc != 0)
            {
                self.failure = mosquitto_connack_string(rc);
                self.changed.notify_all();
            }
            else
            {
                reconnected = self.link == Link::Reconnecting;
                self.link = Link::Connected;
                resubscribe.assign(self.subscriptions.begin(), self.subscriptions.end());
                self.changed.notify_all();
            }
        }
        if (rc != 0)
        {
            self.log.write("connection refused: " + std::string(mosquitto_connack_string(rc)));
            return;
        }
        self.log.write(reconnected ? "reconnected to " + self.endpoint : "connected to " + self.endpoint);
        // Subscriptions are made again here, before anything else is sent on the new connection.
        for (const auto& [topic, qos] : resubscribe)
            mosquitto_subscribe(handle, nullptr, topic.c_str(), qos);
        if (self.onConnection)
            self.onConnection(true, reconnected ? "reconnected" : "connected");
    }

    static void handleDisconnect(mosquitto*, void* userdata, int rc)
    {
        Impl& self = of(userdata);
        bool wasConnected = false;
        std::string reason = rc == 0 ? "disconnected" : "connection lost: " + describe(rc);
        {
            std::lock_guard lock(self.mutex);
            wasConnected = self.link == Link::Connected;
            if (self.link == Link::Connecting && self.failure.empty())
                self.failure = reason; // a refused CONNACK already said why
            else if (wasConnected)
                self.link = rc == 0 ? Link::Idle : Link::Reconnecting;
            if (rc != 0)
                self.lastError = reason;
            self.changed.notify_all();
        }
        self.log.write(reason);
        if (wasConnected && self.onConnection)
            self.onConnection(false, reason);
    }

    static void handleMessage(mosquitto*, void* userdata, const mosquitto_message* message)
    {
        Impl& self = of(userdata);
        // Copied here: libmosquitto frees the message when this callback returns.
        const std::string topic = message->topic ? message->topic : "";
        const std::string payload(static_cast<const char*>(message->payload),
                                  static_cast<std::size_t>(std::max(message->payloadlen, 0)));
        if (self.log.enabled())
            self.log.write("received on '" + topic + "' (" + std::to_string(payload.size()) + " bytes" +
                           (message->retain ? ", retained" : "") + ")");
        try
        {
            if (self.onDetailedMessage)
                self.onDetailedMessage(topic, payload, message->retain);
            else if (self.onMessage)
                self.onMessage(topic, payload);
        }
        catch (const std::exception& e)
        {
            // An exception must not unwind through libmosquitto's C code.
            std::fprintf(stderr, "[mqtt] message callback threw: %s\n", e.what());
        }
        catch (...)
        {
            std::fprintf(stderr, "[mqtt] message callback threw\n");
        }
    }

    static void handleSubscribe(mosquitto*, void* userdata, int mid, int count, const int* grantedQos)
    {
        Impl& self = of(userdata);
        bool granted = count > 0;
        for (int i = 0; i < count; ++i)
            granted = granted && grantedQos[i] >= 0 && grantedQos[i] <= 2;
        std::lock_guard lock(self.mutex);
        self.acks.record(mid, granted);
        self.changed.notify_all();
    }

    static void handleUnsubscribe(mosquitto*, void* userdata, int mid)
    {
        Impl& self = of(userdata);
        std::lock_guard lock(self.mutex);
        self.acks.record(mid, true);
        self.changed.notify_all();
    }
};

MQTTClient::MQTTClient(MessageCallback messageReceived, std::string username, std::string password) :
m_impl(std::make_unique<Impl>(std::move(messageReceived), std::move(username), std::move(password)))
{
    detail::ensureMosquittoLibrary();
    m_impl->handle.reset(mosquitto_new(nullptr, true, m_impl.get()));
    if (!m_impl->handle)
        throw std::runtime_error("mqtt: cannot create a libmosquitto client: " + describe(MOSQ_ERR_ERRNO));
    mosquitto* handle = m_impl->handle.get();
    mosquitto_connect_callback_set(handle, &Impl::handleConnect);
    mosquitto_disconnect_callback_set(handle, &Impl::handleDisconnect);
    mosquitto_message_callback_set(handle, &Impl::handleMessage);
    mosquitto_subscribe_callback_set(handle, &Impl::handleSubscribe);
    mosquitto_unsubscribe_callback_set(handle, &Impl::handleUnsubscribe);
    // Without this, a small qos 1 exchange waits on Nagle's algorithm and delayed ACKs.
    mosquitto_int_option(handle, MOSQ_OPT_TCP_NODELAY, 1);
}

MQTTClient::~MQTTClient()
{
    disconnect();
}

bool MQTTClient::connect(const std::string& host, int port, int keepalive)
{
    Impl& d = *m_impl;
    std::lock_guard life(d.lifecycle);
    d.stopLoop();
    mosquitto* handle = d.handle.get();
    const std::string endpoint = host + ":" + std::to_string(port);

    if (keepalive < 5)
    {
        d.setError("keepalive must be at least 5 seconds");
        return false;
    }
    if (!d.username.empty() || !d.password.empty())
        mosquitto_username_pw_set(handle, d.username.c_str(), d.password.empty() ? nullptr : d.password.c_str());

    std::chrono::milliseconds timeout;
    {
        std::lock_guard lock(d.mutex);
        timeout = d.connectTimeout;
        d.endpoint = endpoint;
        d.failure.clear();
        d.lastError.clear();
        d.link = Link::Connecting;
        mosquitto_reconnect_delay_set(handle, static_cast<unsigned>(d.reconnectDelay.count()),
                                      static_cast<unsigned>(d.reconnectDelayMax.count()), true);
        mosquitto_will_clear(handle);
        if (d.will)
        {
            const auto& [topic, payload, qos, retain] = *d.will;
            mosquitto_will_set(handle, topic.c_str(), static_cast<int>(payload.size()), payload.data(), qos, retain);
        }
        if (d.tls.enabled())
        {
            const int rc = mosquitto_tls_set(handle, d.tls.caFile.c_str(), nullptr,
                                             d.tls.certFile.empty() ? nullptr : d.tls.certFile.c_str(),
                                             d.tls.keyFile.empty() ? nullptr : d.tls.keyFile.c_str(), nullptr);
            if (rc != MOSQ_ERR_SUCCESS)
            {
                d.link = Link::Idle;
                d.lastError = "TLS setup failed: " + describe(rc);
                return false;
            }
            mosquitto_tls_insecure_set(handle, !d.tls.verifyHostname);
        }
    }

    d.log.write("connecting to " + endpoint + (d.username.empty() ? "" : " as user '" + d.username + "'"));
    int rc = mosquitto_connect_async(handle, host.c_str(), port, keepalive);
    if (rc == MOSQ_ERR_SUCCESS)
        rc = mosquitto_loop_start(handle);
    else
        mosquitto_disconnect(handle);
    if (rc != MOSQ_ERR_SUCCESS)
    {
        std::lock_guard lock(d.mutex);
        d.link = Link::Idle;
        d.lastError = "cannot connect to " + endpoint + ": " + describe(rc);
        d.log.write(d.lastError);
        return false;
    }

    std::unique_lock lock(d.mutex);
    d.loopRunning = true;
    const bool answered = d.changed.wait_for(lock, timeout, [&] { return d.link == Link::Connected || !d.failure.empty(); });
    if (d.link == Link::Connected)
        return true;
    const std::string reason = answered ? "cannot connect to " + endpoint + ": " + d.failure
                                        : "no answer from " + endpoint + " within " + std::to_string(timeout.count()) + " ms";
    lock.unlock();
    d.stopLoop();
    d.setError(reason);
    d.log.write(reason);
    return false;
}

void MQTTClient::disconnect()
{
    Impl& d = *m_impl;
    if (d.onNetworkThread())
    {
        // Joining the network thread from itself would deadlock: end the connection only; the loop
        // is stopped by the next connect() or the destructor.
        mosquitto_disconnect(d.handle.get());
        return;
    }
    std::lock_guard life(d.lifecycle);
    {
        std::lock_guard lock(d.mutex);
        if (!d.loopRunning)
            return;
        d.subscriptions.clear();
    }
    d.log.write("disconnecting");
    d.stopLoop();
}

bool MQTTClient::publish(const std::string& topic, const std::string& payload, int qos, bool retain)
{
    Impl& d = *m_impl;
    if (qos < 0 || qos > 2)
    {
        d.setError("qos must be 0, 1 or 2, not " + std::to_string(qos));
        return false;
    }
    if (mosquitto_pub_topic_check(topic.c_str()) != MOSQ_ERR_SUCCESS)
    {
        d.setError("invalid topic for publishing: '" + topic + "'");
        return false;
    }
    if (!isConnected())
    {
        d.setError("not connected");
        return false;
    }
    const int rc = mosquitto_publish(d.handle.get(), nullptr, topic.c_str(), static_cast<int>(payload.size()),
                                     payload.data(), qos, retain);
    if (rc != MOSQ_ERR_SUCCESS)
    {
        d.setError("publish failed: " + describe(rc));
        return false;
    }
    if (d.log.enabled())
        d.log.write("published to '" + topic + "' (" + std::to_string(payload.size()) + " bytes, qos " +
                    std::to_string(qos) + (retain ? ", retained" : "") + ")");
    return true;
}

bool MQTTClient::publish(const std::string& topic, const char* payload, int qos, bool retain)
{
    return publish(topic, std::string(payload ? payload : ""), qos, retain);
}

bool MQTTClient::subscribe(const std::string& topic, int qos)
{
    return subscribe(std::vector<std::pair<std::string, int>>{{topic, qos}});
}

bool MQTTClient::subscribe(const std::vector<std::pair<std::string, int>>& topics)
{
    Impl& d = *m_impl;
    for (const auto& [topic, qos] : topics)
    {
        if (qos < 0 || qos > 2)
        {
            d.setError("qos must be 0, 1 or 2, not " + std::to_string(qos));
            return false;
        }
        if (mosquitto_sub_topic_check(topic.c_str()) != MOSQ_ERR_SUCCESS)
        {
            d.setError("invalid topic filter: '" + topic + "'");
            return false;
        }
    }
    if (!isConnected())
    {
        d.setError("not connected");
        return false;
    }

    std::vector<int> mids;
    for (const auto& [topic, qos] : topics)
    {
        int mid = 0;
        const int rc = mosquitto_subscribe(d.handle.get(), &mid, topic.c_str(), qos);
        if (rc != MOSQ_ERR_SUCCESS)
        {
            d.setError("subscribe to '" + topic + "' failed: " + describe(rc));
            return false;
        }
        d.log.write("subscribing to '" + topic + "' (qos " + std::to_string(qos) + ")");
        {
            std::lock_guard lock(d.mutex);
            d.subscriptions[topic] = qos;
        }
        mids.push_back(mid);
    }
    if (d.onNetworkThread())
        return true; // the acknowledgement arrives on this very thread, after we return
    return std::all_of(mids.begin(), mids.end(), [&](int mid) { return d.awaitAck(mid); });
}

bool MQTTClient::unsubscribe(const std::string& topic)
{
    Impl& d = *m_impl;
    {
        std::lock_guard lock(d.mutex);
        d.subscriptions.erase(topic);
    }
    if (!isConnected())
    {
        d.setError("not connected");
        return false;
    }
    int mid = 0;
    const int rc = mosquitto_unsubscribe(d.handle.get(), &mid, topic.c_str());
    if (rc != MOSQ_ERR_SUCCESS)
    {
        d.setError("unsubscribe from '" + topic + "' failed: " + describe(rc));
        return false;
    }
    d.log.write("unsubscribing from '" + topic + "'");
    return d.onNetworkThread() || d.awaitAck(mid);
}

void MQTTClient::setVerbose(bool verbose)
{
    m_impl->log.setEnabled(verbose);
}

void MQTTClient::setConnectTimeout(std::chrono::milliseconds timeout)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->connectTimeout = timeout;
}

void MQTTClient::setWill(const std::string& topic, const std::string& payload, int qos, bool retain)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->will.emplace(topic, payload, qos, retain);
}

void MQTTClient::setTls(const TlsOptions& tls)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->tls = tls;
}

void MQTTClient::setMessageCallback(DetailedMessageCallback callback)
{
    std::lock_guard life(m_impl->lifecycle);
    m_impl->onDetailedMessage = std::move(callback);
}

void MQTTClient::setConnectionCallback(ConnectionCallback callback)
{
    std::lock_guard life(m_impl->lifecycle);
    m_impl->onConnection = std::move(callback);
}

void MQTTClient::setReconnectDelay(std::chrono::seconds initial, std::chrono::seconds max)
{
    std::lock_guard lock(m_impl->mutex);
    m_impl->reconnectDelay = std::max(initial, std::chrono::seconds(1));
    m_impl->reconnectDelayMax = std::max(max, m_impl->reconnectDelay);
}

bool MQTTClient::isConnected() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->link == Link::Connected;
}

std::string MQTTClient::getLastError() const
{
    std::lock_guard lock(m_impl->mutex);
    return m_impl->lastError;
}

std::string MQTTClient::getLocalAddress() const
{
    if (!isConnected())
        return "";
    const int fd = mosquitto_socket(m_impl->handle.get());
    sockaddr_storage address{};
    socklen_t length = sizeof address;
    if (fd < 0 || getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        return "";
    char text[INET6_ADDRSTRLEN] = {};
    if (address.ss_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&address)->sin_addr, text, sizeof text);
    else if (address.ss_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&address)->sin6_addr, text, sizeof text);
    return text;
}

} // namespace mqtt
