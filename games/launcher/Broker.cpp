#include "Broker.hpp"

namespace launcher
{

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
        return broker;
    }
    if (mqtt::LoopbackBroker::portAnswers("127.0.0.1", 1883, std::chrono::milliseconds(300)))
        return broker;
    log << "no broker answers on localhost:1883; starting a private one\n";
    broker.owned = std::make_unique<mqtt::LoopbackBroker>();
    broker.host = broker.owned->host();
    broker.port = broker.owned->port();
    return broker;
}

} // namespace launcher
