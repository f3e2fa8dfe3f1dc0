#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

extern char** environ;

namespace testsupport
{

/// A program run with pipes on its stdin and stdout, killed and reaped by the destructor.
class ChildProcess
{
public:
    explicit ChildProcess(std::vector<std::string> args)
    {
        int in[2], out[2];
        if (::pipe2(in, O_CLOEXEC) != 0 || ::pipe2(out, O_CLOEXEC) != 0)
            throw std::runtime_error("pipe failed");
        posix_spawn_file_actions_t actions;
        posix_spawn_file_actions_init(&actions);
        posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
        posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
        std::vector<char*> argv;
        for (auto& arg : args)
            argv.push_back(arg.data());
        argv.push_back(nullptr);
        const int rc = posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ);
        posix_spawn_file_actions_destroy(&actions);
        ::close(in[0]);
        ::close(out[1]);
        m_stdin = in[1];
        m_stdout = out[0];
        if (rc != 0)
            throw std::runtime_error("cannot start " + args.front());
    }
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess()
    {
        closeStdin();
        if (m_pid > 0)
        {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, nullptr, 0);
        }
        ::close(m_stdout);
    }

    pid_t pid() const { return m_pid; }

    void write(const std::string& text)
    {
        if (::write(m_stdin, text.data(), text.size()) != static_cast<ssize_t>(text.size()))
            throw std::runtime_error("write to child failed");
    }

    void closeStdin()
    {
        if (m_stdin >= 0)
            ::close(m_stdin);
        m_stdin = -1;
    }

    /// The next line of its stdout, or nullopt at the deadline or end of output.
    std::optional<std::string> readLine(std::chrono::milliseconds timeout = std::chrono::seconds(5))
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;)
        {
            if (const auto newline = m_buffer.find('\n'); newline != std::string::npos)
            {
                std::string line = m_buffer.substr(0, newline);
                m_buffer.erase(0, newline + 1);
                return line;
            }
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0)
                return std::nullopt;
            pollfd readable{m_stdout, POLLIN, 0};
            if (::poll(&readable, 1, static_cast<int>(left.count())) <= 0)
                continue;
            char chunk[4096];
            const auto n = ::read(m_stdout, chunk, sizeof chunk);
            if (n <= 0)
                return std::nullopt;
            m_buffer.append(chunk, static_cast<std::size_t>(n));
        }
    }

    /// Reads lines until one equals `line`; false at the deadline.
    bool waitForLine(const std::string& line, std::chrono::milliseconds timeout = std::chrono::seconds(5))
    {
        return waitForLineWhere([&](const std::string& next) { return next == line; }, timeout);
    }

    /// Reads lines until one contains `text` (a prompt without a newline may stand before it); false
    /// at the deadline.
    bool waitForOutput(const std::string& text, std::chrono::milliseconds timeout = std::chrono::seconds(20))
    {
        return waitForLineWhere([&](const std::string& next) { return next.find(text) != std::string::npos; }, timeout);
    }

    /// Waits for it to exit; its exit code, or nullopt at the deadline or when killed by a signal.
    std::optional<int> wait(std::chrono::milliseconds timeout = std::chrono::seconds(5))
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        int status = 0;
        while (::waitpid(m_pid, &status, WNOHANG) == 0)
        {
            if (std::chrono::steady_clock::now() > deadline)
                return std::nullopt;
            pollfd none{-1, 0, 0};
            ::poll(&none, 0, 5); // a poll interval inside a deadline
        }
        m_pid = -1;
        if (WIFEXITED(status))
            return WEXITSTATUS(status);
        return std::nullopt;
    }

    void kill(int signal)
    {
        if (m_pid > 0)
            ::kill(m_pid, signal);
    }

private:
    template <typename Matches>
    bool waitForLineWhere(Matches matches, std::chrono::milliseconds timeout)
    {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        while (std::chrono::steady_clock::now() < deadline)
        {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            const auto next = readLine(left);
            if (!next)
                return false;
            if (matches(*next))
                return true;
        }
        return false;
    }

    pid_t m_pid = -1;
    int m_stdin = -1;
    int m_stdout = -1;
    std::string m_buffer;
};

} // namespace testsupport
