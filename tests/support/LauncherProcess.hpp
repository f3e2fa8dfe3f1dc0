#pragma once

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <mqttgames/mqtt/LoopbackBroker.hpp>

#include <mqttgames/testing/ChildProcess.hpp>
#include "support/Waiting.hpp"

namespace testsupport
{

using testing::ChildProcess;

enum class Screen
{
    Terminal, ///< no DISPLAY: never a window on the caller's desktop
    Window    ///< the DISPLAY the test has (the virtual one of display tests)
};

/// The `mqttgames` program as a child, with the default broker port pointed at `defaultPort` (a port
/// of the test's, so no test ever reaches a real broker on :1883). Its stdin stays open until closed.
inline ChildProcess startLauncher(const std::string& executable, Screen screen, int defaultPort, std::vector<std::string> args)
{
    std::vector<std::string> command{"/usr/bin/env", "MQTTGAMES_DEFAULT_PORT=" + std::to_string(defaultPort)};
    if (screen == Screen::Terminal)
        command.insert(command.begin() + 1, {"-u", "DISPLAY"});
    command.push_back(executable);
    command.insert(command.end(), args.begin(), args.end());
    return ChildProcess(std::move(command));
}

/// A loopback port that refuses connections for as long as this lives: this socket holds it bound
/// without listening, so no broker (another test's, started meanwhile) can take it. A launcher whose
/// default port it is finds no broker there and starts a private one.
class DeadPort
{
public:
    DeadPort() : m_fd(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0))
    {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof address;
        if (m_fd < 0 || ::bind(m_fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
            ::getsockname(m_fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        {
            if (m_fd >= 0)
                ::close(m_fd);
            throw std::runtime_error("DeadPort: cannot bind a loopback port");
        }
        m_port = ntohs(address.sin_port);
    }
    DeadPort(const DeadPort&) = delete;
    DeadPort& operator=(const DeadPort&) = delete;
    ~DeadPort() { ::close(m_fd); }

    int port() const { return m_port; }

private:
    int m_fd;
    int m_port = 0;
};

/// The fields of /proc/PID/stat after the command name, from field 3 (the state letter) on; empty
/// once the process is gone.
inline std::vector<std::string> statFields(pid_t pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    const std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    std::vector<std::string> fields;
    if (const auto close = text.rfind(')'); close != std::string::npos)
    {
        std::istringstream words(text.substr(close + 1));
        for (std::string word; words >> word;)
            fields.push_back(word);
    }
    return fields;
}

/// The process's state letter ('R', 'S', 'Z', ...), or nothing once it is gone.
inline std::optional<char> processState(pid_t pid)
{
    const auto fields = statFields(pid);
    return fields.empty() ? std::nullopt : std::optional<char>(fields[0][0]);
}

/// CPU time the process used so far, in clock ticks (user + system: fields 14 and 15), or -1 once it is gone.
inline long cpuTicks(pid_t pid)
{
    const auto fields = statFields(pid);
    return fields.size() < 13 ? -1 : std::stol(fields[11]) + std::stol(fields[12]);
}

/// Waits until the process is idle (no CPU time used over 200 ms): started up and waiting for input,
/// as a person would find it. False at the deadline.
inline bool settles(pid_t pid, std::chrono::milliseconds timeout = 20s)
{
    long last = cpuTicks(pid);
    auto since = std::chrono::steady_clock::now();
    return eventually([&]
                      {
                          const long now = cpuTicks(pid);
                          if (now != last)
                          {
                              last = now;
                              since = std::chrono::steady_clock::now();
                          }
                          return now >= 0 && std::chrono::steady_clock::now() - since >= 200ms;
                      },
                      timeout);
}

/// Whether the process ended (gone, or a zombie nobody reaped) within the timeout.
inline bool processEnds(pid_t pid, std::chrono::milliseconds timeout)
{
    return eventually([pid] { const auto state = processState(pid); return !state || *state == 'Z'; }, timeout);
}

/// The children of a process (of all its threads) whose command name is `name`.
inline std::vector<pid_t> childrenNamed(pid_t parent, const std::string& name)
{
    std::vector<pid_t> found;
    std::error_code error;
    for (const auto& task : std::filesystem::directory_iterator("/proc/" + std::to_string(parent) + "/task", error))
    {
        std::ifstream children(task.path() / "children");
        for (pid_t child = 0; children >> child;)
        {
            std::ifstream comm("/proc/" + std::to_string(child) + "/comm");
            std::string command;
            if (std::getline(comm, command) && command == name && processState(child) != 'Z')
                found.push_back(child);
        }
    }
    return found;
}

/// The configuration file a LoopbackBroker's mosquitto was started with ("" once it is gone).
inline std::filesystem::path brokerConfig(pid_t broker)
{
    std::ifstream cmdline("/proc/" + std::to_string(broker) + "/cmdline");
    std::vector<std::string> args;
    for (std::string arg; std::getline(cmdline, arg, '\0');)
        args.push_back(arg);
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == "-c")
            return args[i + 1];
    return {};
}

/// The port a LoopbackBroker's mosquitto listens on, read from the configuration it was started with.
inline int brokerPort(pid_t broker)
{
    std::ifstream config(brokerConfig(broker));
    for (std::string line; std::getline(config, line);)
        if (line.rfind("listener ", 0) == 0)
            return std::stoi(line.substr(9));
    return 0;
}

/// The private mosquitto that `launcher` started, once it accepts connections (nothing at the deadline).
inline std::optional<pid_t> privateBroker(pid_t launcher, std::chrono::milliseconds timeout = 10s)
{
    std::optional<pid_t> broker;
    eventually([&]
               {
                   const auto found = childrenNamed(launcher, "mosquitto");
                   if (!found.empty() && mqtt::LoopbackBroker::portAnswers("127.0.0.1", brokerPort(found.front()), 50ms))
                       broker = found.front();
                   return broker.has_value();
               },
               timeout);
    return broker;
}

/// The signals a user or a desktop sends to end a program (Ctrl-C, kill, a closed terminal), named.
inline constexpr std::pair<int, const char*> EndingSignals[] = {{SIGINT, "SIGINT"}, {SIGTERM, "SIGTERM"}, {SIGHUP, "SIGHUP"}};

/// Sends a signal that asks the launcher to end, and checks that it exits with 130 within half a
/// second, having stopped its private broker.
inline void checkEndsAtOnce(ChildProcess& launcher, int signal, pid_t broker)
{
    const auto sent = std::chrono::steady_clock::now();
    launcher.kill(signal);
    const auto status = launcher.wait(5s);
    const auto took = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - sent);
    INFO("signal " << signal << ", exit after " << took.count() << " ms");
    REQUIRE(status);
    CHECK(*status == 130);
    CHECK(took < 500ms);
    CHECK(processEnds(broker, 100ms));
}

} // namespace testsupport
