#include <catch2/catch.hpp>

#include <sstream>

#include "Broker.hpp"

// chooseBroker() with a host named only picks it: nothing here connects anywhere.
TEST_CASE("launcher: a login without TLS to another machine is warned of")
{
    std::ostringstream log;
    SECTION("another machine, a login, no TLS: the warning says what to do")
    {
        const runner::Broker broker = runner::chooseBroker(std::string("broker.example"), 1883, log, true, false);
        CHECK(broker.host == "broker.example");
        CHECK_THAT(log.str(), Catch::StartsWith("warning: the login goes to broker.example unencrypted") && Catch::Contains("--cafile"));
    }
    SECTION("with TLS, without a login, or on this machine: no warning")
    {
        runner::chooseBroker(std::string("broker.example"), 8883, log, true, true);
        runner::chooseBroker(std::string("broker.example"), 1883, log, false, false);
        for (const char* local : {"localhost", "127.0.0.1", "127.1.2.3", "::1"})
            runner::chooseBroker(std::string(local), 1883, log, true, false);
        CHECK(log.str().empty());
    }
}
