#include "Broker.hpp"

#include <cstdlib>
#include <stdexcept>

namespace runner
{

namespace
{
bool isThisMachine(const std::string& host)
{
    return host == "localhost" || host.starts_with("127.") || host == "::1" || host == "[::1]";
}

int defaultPort()
{
    const char* text = std::getenv("MQTTGAMES_DEFAULT_PORT");
    if (!text || !*text)
        return 1883;
    char* end = nullptr;
    const long port = std::strtol(text, &end, 10);
    if (*end != '\0' || port < 1 || port > 65535)
        throw std::runtime_error(std::string("MQTTGAMES_DEFAULT_PORT must be a port 1-65535, not \"") + text + "\"");
    return static_cast<int>(port);
}
} // namespace

std::string Broker::describe() const
{
    return (isPrivate() ? "private broker on " : "broker ") + host + ":" + std::to_string(port);
}

Broker chooseBroker(const std::optional<std::string>& host, const std::optional<int>& port, std::ostream& log,
                    bool login, bool tls)
{
    Broker broker;
    if (host || port || login || tls)
    {
        broker.host = host.value_or("localhost");
        broker.port = port.value_or(tls ? 8883 : 1883);
        if (login && !tls && !isThisMachine(broker.host))
            log << "warning: the login goes to " << broker.host << " unencrypted, the password readable on the way; "
                << "use TLS (--cafile) for a broker on another machine\n";
        return broker;
    }
    broker.port = defaultPort();
    if (mqtt::LoopbackBroker::portAnswers(broker.host, broker.port, std::chrono::milliseconds(300)))
        return broker;
    log << "no broker answers on localhost:" << broker.port << "; starting a private one\n";
    broker.owned = std::make_unique<mqtt::LoopbackBroker>();
    broker.host = broker.owned->host();
    broker.port = broker.owned->port();
    return broker;
}

} // namespace runner
