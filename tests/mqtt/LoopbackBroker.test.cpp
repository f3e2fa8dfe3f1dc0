#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include <catch2/catch.hpp>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>

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
    SECTION("a login's password reaches mosquitto_passwd on its standard input, never on its command line")
    {
        // The broker's mosquitto_passwd is the one beside the mosquitto found on PATH: put a mosquitto
        // first on PATH whose mosquitto_passwd writes down its arguments, then runs the real one.
        const auto folder = std::filesystem::temp_directory_path() / ("mqttgames-passwd-" + std::to_string(::getpid()));
        std::filesystem::create_directories(folder / "sbin");
        std::filesystem::create_directories(folder / "bin");
        const auto realBroker = mqtt::LoopbackBroker::executable();
        auto realTool = realBroker.parent_path().parent_path() / "bin/mosquitto_passwd";
        if (!std::filesystem::exists(realTool))
            realTool = "/usr/bin/mosquitto_passwd";
        std::filesystem::create_symlink(realBroker, folder / "sbin/mosquitto");
        const auto arguments = folder / "arguments";
        std::ofstream(folder / "bin/mosquitto_passwd") << "#!/bin/sh\nprintf '%s\\n' \"$@\" >> '" << arguments.string()
                                                       << "'\nexec '" << realTool.string() << "' \"$@\"\n";
        std::filesystem::permissions(folder / "bin/mosquitto_passwd", std::filesystem::perms::owner_all);
        const std::string oldPath = std::getenv("PATH") ? std::getenv("PATH") : "";
        ::setenv("PATH", ((folder / "sbin").string() + ":" + oldPath).c_str(), 1);

        // Spaces, ':' (the file's separator), '@', '$' and UTF-8: the broker must take it whole.
        const std::string password = "pa:ss w@rd $7$ \xc3\xa9";
        mqtt::LoopbackBroker::Options options;
        options.users = {{"ann", password}, {"bob", "other"}};
        std::optional<mqtt::LoopbackBroker> broker;
        std::string failure;
        try
        {
            broker.emplace(options);
        }
        catch (const std::exception& error)
        {
            failure = error.what();
        }
        ::setenv("PATH", oldPath.c_str(), 1);
        INFO(failure);
        REQUIRE(broker);

        std::stringstream seen;
        seen << std::ifstream(arguments).rdbuf();
        INFO("mosquitto_passwd was run with:\n" << seen.str());
        CHECK(seen.str().find("ann") != std::string::npos); // the recording tool was the one run
        CHECK(seen.str().find("bob") != std::string::npos);
        CHECK(seen.str().find("pa:ss") == std::string::npos);
        CHECK(seen.str().find("other") == std::string::npos);

        mqtt::MQTTClient right(nullptr, "ann", password);
        CHECK(right.connect(broker->host(), broker->port()));
        mqtt::MQTTClient cut(nullptr, "ann", "pa"); // what a tool that splits at ':' would have stored
        CHECK_FALSE(cut.connect(broker->host(), broker->port()));
        mqtt::MQTTClient bob(nullptr, "bob", "other");
        CHECK(bob.connect(broker->host(), broker->port()));
        broker.reset();
        std::filesystem::remove_all(folder);
    }
    SECTION("a password with a line break is refused: mosquitto_passwd would read it as two")
    {
        mqtt::LoopbackBroker::Options options;
        options.users = {{"ann", "two\nlines"}};
        CHECK_THROWS_AS(mqtt::LoopbackBroker(options), std::invalid_argument);
    }
    SECTION("a port that someone else listens on is not taken for the broker answering")
    {
        // mosquitto cannot bind it and exits; that the port answers meanwhile is no proof it runs.
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        REQUIRE(::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0);
        REQUIRE(::listen(fd, 8) == 0);
        REQUIRE(::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0);
        mqtt::LoopbackBroker::Options options;
        options.port = ntohs(address.sin_port);
        options.startTimeout = 5s;
        CHECK_THROWS_WITH(mqtt::LoopbackBroker(options), Catch::Contains("Address already in use"));
        ::close(fd);
    }
    SECTION("a bad configuration fails loudly with the broker's words")
    {
        mqtt::LoopbackBroker::Options options;
        options.extraConfig = {"no_such_option 1"};
        options.startTimeout = 3s;
        CHECK_THROWS_WITH(mqtt::LoopbackBroker(options), Catch::Contains("no_such_option"));
    }
}
