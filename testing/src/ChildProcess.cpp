#include <mqttgames/testing/ChildProcess.hpp>

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <utility>

extern char** environ;

namespace testing
{

namespace
{
using Clock = std::chrono::steady_clock;

/// Milliseconds left until `deadline` for poll(): -1 (no limit) for Forever, at least 0.
int pollTimeout(std::chrono::milliseconds timeout, Clock::time_point deadline)
{
    if (timeout.count() < 0)
        return -1;
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
    return left > 0 ? static_cast<int>(left) : 0;
}
} // namespace

ChildProcess::ChildProcess(std::vector<std::string> command)
{
    if (command.empty())
        throw std::runtime_error("ChildProcess: no program named");
    int in[2], out[2];
    if (::pipe2(in, O_CLOEXEC) != 0)
        throw std::runtime_error(std::string("cannot make a pipe: ") + std::strerror(errno));
    if (::pipe2(out, O_CLOEXEC) != 0)
    {
        ::close(in[0]);
        ::close(in[1]);
        throw std::runtime_error(std::string("cannot make a pipe: ") + std::strerror(errno));
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    std::vector<char*> argv;
    for (auto& argument : command)
        argv.push_back(argument.data());
    argv.push_back(nullptr);
    const int rc = posix_spawn(&m_pid, argv[0], &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(in[0]);
    ::close(out[1]);
    m_input = in[1];
    m_output = out[0];
    if (rc != 0)
    {
        m_pid = -1;
        closeStdin();
        ::close(m_output);
        throw std::runtime_error("cannot run " + command.front() + ": " + std::strerror(rc));
    }
}

ChildProcess::~ChildProcess()
{
    closeStdin();
    if (m_pid > 0)
    {
        ::kill(m_pid, SIGKILL);
        ::waitpid(m_pid, nullptr, 0);
    }
    if (m_output >= 0)
        ::close(m_output);
}

std::vector<std::string> ChildProcess::thisProgram(std::vector<std::string> arguments)
{
    arguments.insert(arguments.begin(), "/proc/self/exe");
    return arguments;
}

void ChildProcess::write(const std::string& text)
{
    std::size_t done = 0;
    while (done < text.size())
    {
        const ssize_t wrote = m_input < 0 ? -1 : ::write(m_input, text.data() + done, text.size() - done);
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote <= 0)
            throw std::runtime_error("cannot write to the child's stdin");
        done += static_cast<std::size_t>(wrote);
    }
}

void ChildProcess::closeStdin()
{
    if (m_input >= 0)
        ::close(m_input);
    m_input = -1;
}

std::optional<std::string> ChildProcess::readLine(std::chrono::milliseconds timeout)
{
    const auto deadline = Clock::now() + timeout;
    while (m_output >= 0)
    {
        if (const auto end = m_buffer.find('\n'); end != std::string::npos)
        {
            std::string line = m_buffer.substr(0, end);
            m_buffer.erase(0, end + 1);
            return line;
        }
        pollfd ready{m_output, POLLIN, 0};
        const int polled = ::poll(&ready, 1, pollTimeout(timeout, deadline));
        if (polled < 0 && errno == EINTR)
            continue;
        if (polled == 0)
            return std::nullopt;
        char chunk[4096];
        const ssize_t got = ::read(m_output, chunk, sizeof chunk);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
        {
            ::close(m_output);
            m_output = -1;
            break;
        }
        m_buffer.append(chunk, static_cast<std::size_t>(got));
    }
    // Its stdout is closed: what is left is its last lines.
    if (const auto end = m_buffer.find('\n'); end != std::string::npos)
    {
        std::string line = m_buffer.substr(0, end);
        m_buffer.erase(0, end + 1);
        return line;
    }
    if (m_buffer.empty())
        return std::nullopt;
    return std::exchange(m_buffer, {});
}

bool ChildProcess::waitForLine(const std::string& line, std::chrono::milliseconds timeout)
{
    const auto deadline = Clock::now() + timeout;
    while (const auto next = readLine(std::chrono::milliseconds(pollTimeout(timeout, deadline))))
        if (*next == line)
            return true;
    return false;
}

bool ChildProcess::waitForOutput(const std::string& text, std::chrono::milliseconds timeout)
{
    const auto deadline = Clock::now() + timeout;
    while (const auto next = readLine(std::chrono::milliseconds(pollTimeout(timeout, deadline))))
        if (next->find(text) != std::string::npos)
            return true;
    return false;
}

std::optional<int> ChildProcess::wait(std::chrono::milliseconds timeout)
{
    if (m_pid <= 0)
        return std::nullopt;
    const auto deadline = Clock::now() + timeout;
    int status = 0;
    for (;;)
    {
        const pid_t done = ::waitpid(m_pid, &status, timeout.count() < 0 ? 0 : WNOHANG);
        if (done == m_pid)
            break;
        if (done < 0 && errno != EINTR)
            return std::nullopt;
        if (timeout.count() >= 0 && Clock::now() >= deadline)
            return std::nullopt;
        if (done == 0)
        {
            pollfd none{-1, 0, 0};
            ::poll(&none, 0, 5); // a poll interval inside a deadline
        }
    }
    m_pid = -1;
    if (WIFEXITED(status))
        return WEXITSTATUS(status);
    return std::nullopt;
}

void ChildProcess::kill(int signal)
{
    if (m_pid > 0)
        ::kill(m_pid, signal);
}

int ChildProcess::terminate(std::chrono::milliseconds grace)
{
    if (m_pid <= 0)
        return -1;
    ::kill(m_pid, SIGTERM);
    const auto deadline = Clock::now() + grace;
    int status = 0;
    // Polled rather than blocking, so that a child ignoring SIGTERM cannot hang the caller.
    while (::waitpid(m_pid, &status, WNOHANG) == 0)
    {
        if (Clock::now() >= deadline)
        {
            ::kill(m_pid, SIGKILL);
            ::waitpid(m_pid, &status, 0);
            break;
        }
        pollfd none{-1, 0, 0};
        ::poll(&none, 0, 10);
    }
    m_pid = -1;
    closeStdin();
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace testing
