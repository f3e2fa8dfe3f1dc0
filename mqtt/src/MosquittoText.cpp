#include "MosquittoText.hpp"

#include <mosquitto.h>
#include <mqtt_protocol.h>

#include <cstring>

namespace mqtt::detail
{

std::string describe(int rc, int error)
{
    if (rc == MOSQ_ERR_ERRNO)
        return std::strerror(error);
    return mosquitto_strerror(rc);
}

std::string refusal(int reasonCode, bool v5)
{
    if (!v5)
        return mosquitto_connack_string(reasonCode);
    switch (reasonCode)
    {
        case MQTT_RC_UNSUPPORTED_PROTOCOL_VERSION: return mosquitto_connack_string(CONNACK_REFUSED_PROTOCOL_VERSION);
        case MQTT_RC_CLIENTID_NOT_VALID: return mosquitto_connack_string(CONNACK_REFUSED_IDENTIFIER_REJECTED);
        case MQTT_RC_SERVER_UNAVAILABLE: return mosquitto_connack_string(CONNACK_REFUSED_SERVER_UNAVAILABLE);
        case MQTT_RC_BAD_USERNAME_OR_PASSWORD: return mosquitto_connack_string(CONNACK_REFUSED_BAD_USERNAME_PASSWORD);
        case MQTT_RC_NOT_AUTHORIZED: return mosquitto_connack_string(CONNACK_REFUSED_NOT_AUTHORIZED);
        default: return mosquitto_reason_string(reasonCode);
    }
}

} // namespace mqtt::detail
