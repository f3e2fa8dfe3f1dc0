#include "MQTTClientSession.hpp"

#include "MosquittoText.hpp"

#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <cstdlib>
#include <string_view>

// MQTTClient's state, the part libmosquitto calls back into (reactor thread, inside a libmosquitto
// call): connect and disconnect, messages, subscription and unsubscription acknowledgements.

namespace mqtt
{
namespace
{

std::string localAddressOf(int fd)
{
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

// Reads what our wills carry in user properties: their mark and their proof.
void readWillProperties(const mosquitto_property* properties, MQTTClient::MessageInfo& info)
{
    for (bool skip = false;; skip = true)
    {
        char* name = nullptr;
        char* value = nullptr;
        properties = mosquitto_property_read_string_pair(properties, MQTT_PROP_USER_PROPERTY, &name, &value, skip);
        if (!properties)
            return;
        const std::string_view key(name);
        if (key == detail::WillMark.first && std::string_view(value) == detail::WillMark.second)
            info.fromWill = true;
        else if (key == detail::WillProofName)
            info.willProof = value;
        std::free(name);
        std::free(value);
    }
}

} // namespace

// --- libmosquitto's callbacks (reactor thread, inside a libmosquitto call) --------------------

void MQTTClient::Impl::handleConnect(mosquitto* h, void* userdata, int rc)
{
    Impl& self = of(userdata);
    if (h != self.connection.handle.get())
        return;
    if (rc != 0)
    {
        if (self.broker.useV5 && (rc == MQTT_RC_UNSUPPORTED_PROTOCOL_VERSION || rc == CONNACK_REFUSED_PROTOCOL_VERSION))
            return self.fallBack("the broker refused MQTT 5");
        self.attemptFailed("cannot connect to " + self.broker.address + ": " + refusal(rc, self.broker.useV5));
        return;
    }
    if (self.timers.connect)
        self.reactor.cancel(self.timers.connect);
    self.timers.connect = 0;
    // With a log callback set, libmosquitto formats a line for every packet: only attempts want it.
    mosquitto_log_callback_set(h, nullptr);
    const bool reconnected = self.run.everConnected;
    self.run.everConnected = true;
    {
        std::lock_guard lock(self.mutex);
        if (self.reportsCount())
        {
            self.shared.link = Link::Connected;
            self.shared.protocol = self.broker.useV5 ? 5 : 4;
            self.shared.localAddress = localAddressOf(mosquitto_socket(h));
            self.shared.outcome = "";
        }
        self.run.backoff = self.settings.reconnectDelay;
    }
    self.changed.notify_all();
    self.log.write((reconnected ? "reconnected to " : "connected to ") + self.broker.address +
                   (self.broker.useV5 ? " (MQTT 5)" : " (MQTT 3.1.1)"));
    self.keepAlive();
    // Subscriptions are made again here, before anything else is sent on the new connection.
    std::vector<std::tuple<std::string, int, bool>> again;
    for (const auto& [topic, options] : self.subscriptions.topics)
        again.emplace_back(topic, options.first, options.second);
    if (!again.empty())
        self.sendSubscriptions(again, nullptr);
    const auto callbacks = self.run.callbacks;
    if (callbacks && callbacks->connection)
        self.tell([&] { callbacks->connection(true, reconnected ? "reconnected" : "connected"); });
}

void MQTTClient::Impl::fallBack(const std::string& why)
{
    log.write(why + ": trying MQTT 3.1.1");
    closeHandle();
    broker.useV5 = false;
    reactor.post([self = shared_from_this()] { self->startAttempt(); });
}

void MQTTClient::Impl::handleDisconnect(mosquitto* h, void* userdata, int rc)
{
    const int error = errno;
    Impl& self = of(userdata);
    if (h != self.connection.handle.get())
        return;
    if (self.goodbye.leaving)
    {
        self.log.write("disconnected");
        self.closeHandle();
        return;
    }
    if (self.timers.connect != 0)
    {
        // No CONNACK yet. A broker that speaks only 3.1.1 may close instead of refusing.
        if (self.broker.useV5 && (rc == MOSQ_ERR_CONN_LOST || rc == MOSQ_ERR_PROTOCOL))
            return self.fallBack("the broker closed the connection to an MQTT 5 CONNECT");
        self.attemptFailed(self.connectFailure(rc, error));
        return;
    }
    const std::string reason = "connection lost: " + (rc == 0 ? std::string("closed by the broker") : describe(rc, error));
    self.closeHandle();
    {
        std::lock_guard lock(self.mutex);
        if (self.reportsCount())
        {
            self.shared.link = Link::Reconnecting;
            self.shared.protocol = 0;
            self.shared.localAddress.clear();
        }
        self.shared.lastError = reason;
    }
    self.changed.notify_all();
    self.log.write(reason);
    self.scheduleReconnect();
    const auto callbacks = self.run.callbacks;
    if (callbacks && callbacks->connection)
        self.tell([&] { callbacks->connection(false, reason); });
}

void MQTTClient::Impl::handleLog(mosquitto* h, void* userdata, int level, const char* text)
{
    Impl& self = of(userdata);
    if (h != self.connection.handle.get() || !(level & MOSQ_LOG_ERR) || !text)
        return;
    // "Error: host name verification failed.", "OpenSSL Error[0]: error:0A000086:SSL
    // routines::certificate verify failed": the words after the last ':'.
    std::string_view line(text);
    if (const auto colon = line.rfind(':'); colon != std::string_view::npos)
        line.remove_prefix(colon + 1);
    while (!line.empty() && line.front() == ' ')
        line.remove_prefix(1);
    while (!line.empty() && (line.back() == '.' || line.back() == ' '))
        line.remove_suffix(1);
    std::string& log = self.connection.errorLog;
    if (line.empty() || log.find(line) != std::string::npos || log.size() > 400)
        return;
    log += (log.empty() ? "" : "; ") + std::string(line);
}

void MQTTClient::Impl::handleMessage(mosquitto* h, void* userdata, const mosquitto_message* message,
                                     const mosquitto_property* properties)
{
    Impl& self = of(userdata);
    if (h != self.connection.handle.get())
        return;
    const auto size = static_cast<std::size_t>(std::max(message->payloadlen, 0));
    if (size > self.run.messageLimit)
    {
        self.log.write("ignored a message of " + std::to_string(size) + " bytes: larger than the limit");
        return;
    }
    const auto callbacks = self.run.callbacks;
    if (!callbacks || (!callbacks->messageInfo && !callbacks->detailedMessage && !callbacks->message))
        return;
    MQTTClient::MessageInfo info;
    info.retained = message->retain;
    readWillProperties(properties, info);
    // Copied here: libmosquitto frees the message when this callback returns.
    const std::string topic = message->topic ? message->topic : "";
    const std::string payload(static_cast<const char*>(message->payload), size);
    if (self.log.enabled())
        self.log.write("received on '" + topic + "' (" + std::to_string(payload.size()) + " bytes" +
                       (message->retain ? ", retained" : "") + ")");
    self.tell(
        [&]
        {
            if (callbacks->messageInfo)
                callbacks->messageInfo(topic, payload, info);
            else if (callbacks->detailedMessage)
                callbacks->detailedMessage(topic, payload, message->retain);
            else
                callbacks->message(topic, payload);
        });
}

void MQTTClient::Impl::handleSubscribe(mosquitto* h, void* userdata, int mid, int count, const int* grantedQos)
{
    Impl& self = of(userdata);
    if (h != self.connection.handle.get())
        return;
    bool granted = count > 0;
    for (int i = 0; i < count; ++i)
        granted = granted && grantedQos[i] >= 0 && grantedQos[i] <= 2;
    const auto taken = self.takePending(mid);
    if (!taken)
        return;
    const Pending& request = *taken;
    if (request.wait)
        request.wait->fulfil(granted);
    if (!granted)
        self.setError("the broker refused the subscription");
    const auto callbacks = self.run.callbacks;
    if (callbacks && callbacks->subscribed)
        for (const auto& topic : request.topics)
            self.tell([&] { callbacks->subscribed(topic, granted); });
}

std::optional<Pending> MQTTClient::Impl::takePending(int mid)
{
    const auto found = subscriptions.pending.find(mid);
    if (found == subscriptions.pending.end())
        return std::nullopt;
    Pending request = std::move(found->second);
    subscriptions.pending.erase(found);
    return request;
}

void MQTTClient::Impl::handleUnsubscribe(mosquitto* h, void* userdata, int mid)
{
    Impl& self = of(userdata);
    if (h != self.connection.handle.get())
        return;
    const auto taken = self.takePending(mid);
    if (!taken)
        return;
    const Pending& request = *taken;
    if (request.wait)
        request.wait->fulfil(true);
    const auto callbacks = self.run.callbacks;
    if (callbacks && callbacks->unsubscribed)
        for (const auto& topic : request.topics)
            self.tell([&] { callbacks->unsubscribed(topic); });
}

} // namespace mqtt
