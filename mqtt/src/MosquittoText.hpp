#pragma once

#include <string>

namespace mqtt::detail
{

// libmosquitto's text for `rc`, or the system's text for `error` when rc is MOSQ_ERR_ERRNO.
std::string describe(int rc, int error);

// A refusal in the words of MQTT 3.1.1's CONNACK, whichever version answered, so that callers can
// tell a refused login the same way on both.
std::string refusal(int reasonCode, bool v5);

} // namespace mqtt::detail
