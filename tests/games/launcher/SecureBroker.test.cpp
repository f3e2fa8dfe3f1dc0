// The launcher's seats at a broker that wants a login and TLS: through the engine's Connection, and
// as two `mqttgames` processes playing a whole game.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>
#include <memory>
#include <string>

#include <unistd.h>

#include <mqttgames/engine/Connection.hpp>
#include <mqttgames/engine/Session.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>

#include "AllGames.hpp"
#include "GameRegistry.hpp"
#include "support/Certificates.hpp"
#include <mqttgames/testing/ChildProcess.hpp>
#include "support/Waiting.hpp"

using namespace std::chrono_literals;
using engine::Phase;

namespace
{

// A broker with two logins and, beside its plain port, a TLS listener whose certificate names 127.0.0.1.
struct SecureBroker
{
    SecureBroker() : folder(std::filesystem::temp_directory_path() / ("mqttgames-launcher-tls-" + std::to_string(::getpid())))
    {
        std::filesystem::create_directories(folder);
        certificates = std::make_unique<testsupport::Certificates>(folder);
        tlsPort = mqtt::LoopbackBroker::freePort();
        mqtt::LoopbackBroker::Options options;
        options.users = {{"ann", "ann-secret"}, {"bob", "bob-secret"}};
        options.extraConfig = {"listener " + std::to_string(tlsPort) + " 127.0.0.1", "cafile " + certificates->caCert.string(),
                               "certfile " + certificates->serverCert.string(), "keyfile " + certificates->serverKey.string()};
        broker = std::make_unique<mqtt::LoopbackBroker>(options);
        REQUIRE(mqtt::LoopbackBroker::portAnswers("127.0.0.1", tlsPort, 5s));
    }
    ~SecureBroker()
    {
        broker.reset();
        std::filesystem::remove_all(folder);
    }

    std::filesystem::path folder;
    std::unique_ptr<testsupport::Certificates> certificates;
    int tlsPort = 0;
    std::unique_ptr<mqtt::LoopbackBroker> broker;
};

// One seat: a session and the connection that feeds it, driven by the test's thread.
struct Seat
{
    Seat(const engine::Game& game, mqtt::EventQueue queue, engine::Connection::Settings settings)
        : session(game, settings.name, [this](const std::string& text) { return connection && connection->send(text); })
    {
        connection = std::make_unique<engine::Connection>(std::move(queue), session, std::move(settings));
        connection->start();
    }

    engine::Session session;
    std::unique_ptr<engine::Connection> connection;
};

engine::Connection::Settings settingsFor(const SecureBroker& secure, const std::string& user, const std::string& password)
{
    engine::Connection::Settings settings;
    settings.host = "127.0.0.1";
    settings.port = secure.tlsPort;
    settings.topic = "test/secure/" + std::to_string(::getpid());
    settings.name = user;
    settings.username = user;
    settings.password = password;
    settings.tls.caFile = secure.certificates->caCert.string();
    return settings;
}

bool contains(const std::string& text, const std::string& part)
{
    return text.find(part) != std::string::npos;
}

// Reads a child's lines until one starts with `prefix`; that line, or "" at the deadline or its end.
std::string lineStarting(testing::ChildProcess& child, const std::string& prefix, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (const auto line = child.readLine(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now())))
        if (line->rfind(prefix, 0) == 0)
            return *line;
    return {};
}

} // namespace

TEST_CASE("Seats at a broker with logins and TLS")
{
    const SecureBroker secure;
    const runner::GameRegistry registry(launcher::allGames());
    const engine::Game& game = *registry.find("tictactoe");
    mqtt::EventQueue queue;
    const auto until = [&](const std::function<bool()>& condition)
    {
        return testsupport::eventually([&] { queue.drain(); return condition(); }, 20s);
    };

    SECTION("two seats log in over TLS and start a round")
    {
        // One after the other: libmosquitto sets up TLS on the first connection, unguarded, and two
        // first connections at once leak its setup (a LeakSanitizer report, nothing worse).
        Seat ann(game, queue, settingsFor(secure, "ann", "ann-secret"));
        REQUIRE(until([&] { return ann.session.phase() == Phase::WaitingForPartner; }));
        Seat bob(game, queue, settingsFor(secure, "bob", "bob-secret"));
        CHECK(until([&] { return ann.session.phase() == Phase::Playing && bob.session.phase() == Phase::Playing; }));
        CHECK(ann.session.partnerName() == "bob");
        CHECK(ann.session.localStarts() != bob.session.localStarts());
    }
    SECTION("a wrong password fails, saying the login was refused and not showing the password")
    {
        Seat ann(game, queue, settingsFor(secure, "ann", "wrong-secret"));
        REQUIRE(until([&] { return ann.session.phase() == Phase::Failed; }));
        INFO(ann.session.failure());
        CHECK(contains(ann.session.failure(), "login"));
        CHECK(contains(ann.session.failure(), "ann"));
        CHECK_FALSE(contains(ann.session.failure(), "wrong-secret"));
    }
    SECTION("no login at all fails the same way")
    {
        auto settings = settingsFor(secure, "", "");
        settings.name = "anonymous";
        Seat anonymous(game, queue, settings);
        REQUIRE(until([&] { return anonymous.session.phase() == Phase::Failed; }));
        INFO(anonymous.session.failure());
        CHECK(contains(anonymous.session.failure(), "login"));
    }
    SECTION("a CA that did not sign the broker's certificate fails, naming the CA file")
    {
        auto settings = settingsFor(secure, "ann", "ann-secret");
        settings.tls.caFile = secure.certificates->otherCaCert.string();
        Seat ann(game, queue, settings);
        REQUIRE(until([&] { return ann.session.phase() == Phase::Failed; }));
        INFO(ann.session.failure());
        CHECK(contains(ann.session.failure(), "TLS"));
        CHECK(contains(ann.session.failure(), secure.certificates->otherCaCert.filename().string()));
    }
}

TEST_CASE("Two launchers play a whole game over TLS with logins")
{
    const SecureBroker secure;
    const std::string room = "secure-" + std::to_string(::getpid());
    const auto start = [&](const std::string& user, const std::string& password)
    {
        // The password goes through the environment here, as a user would keep it out of the process list.
        return testing::ChildProcess({"/usr/bin/env", "-u", "DISPLAY", "MQTTGAMES_PASSWORD=" + password, MQTTGAMES_EXECUTABLE,
                                          "tictactoe", "--headless", "--bot", "hard", "--games", "1", "--host", "127.0.0.1",
                                          "--port", std::to_string(secure.tlsPort), "--cafile", secure.certificates->caCert.string(),
                                          "--username", user, "--room", room, "--name", user});
    };
    auto ann = start("ann", "ann-secret");
    auto bob = start("bob", "bob-secret");
    const std::string annResult = lineStarting(ann, "result: ", 60s);
    const std::string bobResult = lineStarting(bob, "result: ", 60s);
    CHECK(contains(annResult, "draw")); // perfect play both ways
    CHECK(contains(bobResult, "draw"));
    CHECK(ann.wait(30s) == 0);
    CHECK(bob.wait(30s) == 0);
}

TEST_CASE("The launcher says why it cannot log in")
{
    const SecureBroker secure;
    testing::ChildProcess wrong({"/usr/bin/env", "-u", "DISPLAY", MQTTGAMES_EXECUTABLE, "tictactoe", "--headless", "--bot",
                                     "easy", "--games", "1", "--host", "127.0.0.1", "--port", std::to_string(secure.tlsPort),
                                     "--cafile", secure.certificates->caCert.string(), "--username", "ann", "--password",
                                     "not-her-secret"});
    std::string output;
    while (const auto line = wrong.readLine(20s))
        output += *line + "\n";
    INFO(output);
    CHECK(contains(output, "refused the login"));
    CHECK_FALSE(contains(output, "not-her-secret"));
    CHECK(wrong.wait(10s) == 1);
}
