#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace mqtt
{

/// A private mosquitto broker on a free 127.0.0.1 port, for tests, benchmarks and the launcher's
/// local default. Starts in the constructor (throws std::runtime_error naming the cause when it
/// cannot), stops in the destructor by its own pid, and removes its temporary folder. The broker
/// is also killed by the kernel when the thread that started it ends (the process killed or crashed,
/// say), so none is left behind: start it on a thread that outlives it, such as the main thread.
class LoopbackBroker
{
public:
    struct Options
    {
        /// When set, anonymous clients are refused and only these logins are accepted. A password
        /// reaches mosquitto_passwd on its standard input, never on a command line; it may hold any
        /// character but a line break or NUL (std::invalid_argument).
        std::vector<std::pair<std::string, std::string>> users;
        /// Extra lines for mosquitto.conf (for example an ACL or a TLS listener).
        std::vector<std::string> extraConfig;
        /// 0: a free port is chosen.
        int port = 0;
        /// The broker drops larger publications unread (its message_size_limit), so that one client
        /// cannot make it hold, or send others, megabytes. 0: no limit.
        std::size_t messageSizeLimit = 256 * 1024;
        std::chrono::milliseconds startTimeout{10000};
    };

    LoopbackBroker();
    explicit LoopbackBroker(Options options);
    LoopbackBroker(const LoopbackBroker&) = delete;
    LoopbackBroker& operator=(const LoopbackBroker&) = delete;
    ~LoopbackBroker();

    const std::string& host() const { return m_host; }
    int port() const { return m_port; }
    pid_t pid() const { return m_pid; }
    /// The broker's temporary folder (config, password file, log).
    const std::filesystem::path& directory() const { return m_dir; }

    /// Stops the broker (SIGTERM, then SIGKILL after a deadline) and waits for it.
    void stop();
    /// Starts it again on the same port, waiting until the port answers; throws std::runtime_error
    /// when it does not within Options::startTimeout.
    void start();
    bool isRunning() const { return m_pid > 0; }

    /// The mosquitto executable used (PATH, then /usr/sbin).
    static std::filesystem::path executable();
    /// A port on 127.0.0.1 that nobody listens on right now.
    static int freePort();
    /// Whether something accepts TCP connections on host:port within the timeout.
    static bool portAnswers(const std::string& host, int port, std::chrono::milliseconds timeout);

private:
    void writeConfig();

    Options m_options;
    std::string m_host = "127.0.0.1";
    int m_port = 0;
    pid_t m_pid = -1;
    std::filesystem::path m_dir;
};

} // namespace mqtt
