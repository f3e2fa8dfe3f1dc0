#pragma once

#include <chrono>
#include <string>

#include <mqttgames/engine/TimeControl.hpp>
#include <mqttgames/mqtt/TlsOptions.hpp>

namespace engine
{

/// Where a seat plays and as whom: the broker, the room, the name, the login and encryption. One
/// type from the command line (the runner's Choice) through the match (MatchSettings) to the
/// connection (Connection::Settings), each of which extends it, so nothing is copied field by field.
struct ConnectionSettings
{
    std::string host = "127.0.0.1";
    int port = 1883;
    std::string room = "lobby";
    /// Our name as the partner sees it.
    std::string name = "Player";
    /// Login at the broker; an empty username logs in anonymously. The password is never logged.
    std::string username;
    std::string password;
    /// Only players who give the same one pair (see mqtt::GameClient::setRoomPassword); empty: none.
    std::string roomPassword;
    /// A private room is not listed in the game's lobby (see lobbyTopic) while a seat waits there.
    bool privateRoom = false;
    /// The time control of every round; only players with the same one pair (none: no clock).
    TimeControl clock;
    /// Encryption: with a CA file the connection uses TLS (see mqtt::TlsOptions).
    mqtt::TlsOptions tls;
    /// How long a partner whose connection dropped (without saying bye) is waited for, the round
    /// kept, before it counts as gone.
    std::chrono::milliseconds gracePeriod{60000};
    /// Log the connection's traffic to stderr.
    bool verbose = false;
};

} // namespace engine
