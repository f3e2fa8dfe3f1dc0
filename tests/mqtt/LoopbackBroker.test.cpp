#include <mqttgames/mqtt/LoopbackBroker.hpp>

#include <catch2/catch.hpp>

#include <signal.h>

using namespace std::chrono_literals;

TEST_CASE("LoopbackBroker")
{
    SECTION("starts mosquitto on a free loopback port and stops it by its pid")
    {
        pid_t pid = -1;
        int port = 0;
        {
            mqtt::LoopbackBroker broker;
            pid = broker.pid();
            port = broker.port();
            CHECK(broker.host() == "127.0.0.1");
            CHECK(pid > 0);
            CHECK(mqtt::LoopbackBroker::portAnswers(broker.host(), port, 1s));
        }
        CHECK(::kill(pid, 0) != 0); // the process is gone
        CHECK_FALSE(mqtt::LoopbackBroker::portAnswers("127.0.0.1", port, 200ms));
    }
    SECTION("restarts on the same port")
    {
        mqtt::LoopbackBroker broker;
        const int port = broker.port();
        broker.stop();
        CHECK_FALSE(broker.isRunning());
        CHECK_FALSE(mqtt::LoopbackBroker::portAnswers("127.0.0.1", port, 200ms));
        broker.start();
        CHECK(broker.port() == port);
        CHECK(mqtt::LoopbackBroker::portAnswers("127.0.0.1", port, 1s));
    }
    SECTION("a bad configuration fails loudly with the broker's words")
    {
        mqtt::LoopbackBroker::Options options;
        options.extraConfig = {"no_such_option 1"};
        options.startTimeout = 3s;
        CHECK_THROWS_WITH(mqtt::LoopbackBroker(options), Catch::Contains("no_such_option"));
    }
}
