#pragma once

#include <signal.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include <mqttgames/mqtt/LoopbackBroker.hpp>

#include "support/ChildProcess.hpp"
#include "support/Waiting.hpp"

namespace testsupport
{

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

/// Reads the child's lines until one contains `text` (a prompt without a newline may stand before
/// it); false at the deadline or the end of its output.
inline bool waitForOutput(ChildProcess& child, const std::string& text, std::chrono::milliseconds timeout = 20s)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (std::chrono::steady_clock::now() < deadline)
    {
        const auto line =
            child.readLine(std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()));
        if (!line)
            return false;
        if (line->find(text) != std::string::npos)
            return true;
    }
    return false;
}

/// A port nobody listens on: the launcher then starts a private broker.
inline int deadPort()
{
    return mqtt::LoopbackBroker::freePort();
}

/// The process's state letter from /proc ('R', 'S', 'Z', ...), or nothing once it is gone.
inline std::optional<char> processState(pid_t pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos || close + 2 >= text.size())
        return std::nullopt;
    return text[close + 2];
}

/// CPU time the process used so far, in clock ticks (user + system), or -1 once it is gone.
inline long cpuTicks(pid_t pid)
{
    std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
    std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
    const auto close = text.rfind(')');
    if (close == std::string::npos)
        return -1;
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    long user = 0, system = 0;
    for (int i = 3; i <= 13 && fields >> field; ++i) // fields 3-13: state ... cmajflt
        ;
    fields >> user >> system; // fields 14 and 15
    return fields ? user + system : -1;
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

/// The port a LoopbackBroker's mosquitto listens on, read from the configuration it was started with.
inline int brokerPort(pid_t broker)
{
    std::ifstream cmdline("/proc/" + std::to_string(broker) + "/cmdline");
    std::vector<std::string> args;
    for (std::string arg; std::getline(cmdline, arg, '\0');)
        args.push_back(arg);
    for (std::size_t i = 0; i + 1 < args.size(); ++i)
        if (args[i] == "-c")
        {
            std::ifstream config(args[i + 1]);
            for (std::string line; std::getline(config, line);)
                if (line.rfind("listener ", 0) == 0)
                    return std::stoi(line.substr(9));
        }
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
