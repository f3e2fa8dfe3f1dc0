#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string>

#include <mqttgames/mqtt/LoopbackBroker.hpp>

namespace runner
{

/// The broker a run uses; owns it when it is a private one (stopped when this goes).
struct Broker
{
    std::string host = "127.0.0.1";
    int port = 1883;
    std::unique_ptr<mqtt::LoopbackBroker> owned;

    bool isPrivate() const { return owned != nullptr; }
    std::string describe() const;
};

/// The broker named on the command line; with none named, localhost:1883 when it answers, else a
/// private mosquitto on a free loopback port. MQTTGAMES_DEFAULT_PORT replaces 1883 in that default
/// (tests point it at a broker of their own, never at a real :1883). A login or TLS is meant for a real broker:
/// then localhost, on port 8883 with TLS, stands for one not named. A login without TLS to another
/// machine is warned of on `log`. Throws std::runtime_error when none can be had.
Broker chooseBroker(const std::optional<std::string>& host, const std::optional<int>& port, std::ostream& log,
                    bool login = false, bool tls = false);

} // namespace runner
