#include "ChildProcess.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <thread>

extern char** environ;

namespace bench
{

ChildProcess::ChildProcess(const std::vector<std::string>& arguments) : ChildProcess("/proc/self/exe", arguments)
{
}

ChildProcess::ChildProcess(const std::string& program, const std::vector<std::string>& arguments)
{
    int out[2];
    int in[2];
    if (pipe2(out, O_CLOEXEC) != 0)
        throw std::runtime_error(std::string("cannot make a pipe: ") + std::strerror(errno));
    if (pipe2(in, O_CLOEXEC) != 0)
    {
        ::close(out[0]);
        ::close(out[1]);
        throw std::runtime_error(std::string("cannot make a pipe: ") + std::strerror(errno));
    }
    std::vector<char*> argv{const_cast<char*>(program.c_str())};
    for (const auto& argument : arguments)
        argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, out[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
    const int rc = posix_spawn(&m_pid, program.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out[1]);
    ::close(in[0]);
    m_output = out[0];
    m_input = in[1];
    if (rc != 0)
    {
        m_pid = -1;
        closePipes();
        throw std::runtime_error("cannot run " + program + ": " + std::strerror(rc));
    }
}

ChildProcess::~ChildProcess()
{
    wait();
}

std::optional<std::string> ChildProcess::readLine()
{
    return readLine(std::chrono::milliseconds(-1));
}

std::optional<std::string> ChildProcess::readLine(std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true)
    {
        if (const auto end = m_buffer.find('\n'); end != std::string::npos)
        {
            std::string line = m_buffer.substr(0, end);
            m_buffer.erase(0, end + 1);
            return line;
        }
        if (m_output < 0)
            break;
        int wait = -1;
        if (timeout.count() >= 0)
        {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0)
                return std::nullopt;
            wait = static_cast<int>(left.count());
        }
        pollfd ready{m_output, POLLIN, 0};
        const int polled = ::poll(&ready, 1, wait);
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
    // Its stdout is closed: what is left is its last, unterminated line.
    if (m_buffer.empty())
        return std::nullopt;
    std::string line;
    line.swap(m_buffer);
    return line;
}

void ChildProcess::writeLine(const std::string& line)
{
    if (m_input < 0)
        return;
    const std::string text = line + "\n";
    std::size_t done = 0;
    while (done < text.size())
    {
        const ssize_t wrote = ::write(m_input, text.data() + done, text.size() - done);
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote <= 0)
            return;
        done += static_cast<std::size_t>(wrote);
    }
}

void ChildProcess::closePipes()
{
    if (m_input >= 0)
        ::close(m_input);
    if (m_output >= 0)
        ::close(m_output);
    m_input = m_output = -1;
}

int ChildProcess::wait()
{
    closePipes();
    if (m_pid <= 0)
        return -1;
    int status = 0;
    while (waitpid(m_pid, &status, 0) < 0 && errno == EINTR)
    {
    }
    m_pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int ChildProcess::terminate(std::chrono::milliseconds grace)
{
    if (m_pid <= 0)
        return -1;
    ::kill(m_pid, SIGTERM);
    const auto deadline = std::chrono::steady_clock::now() + grace;
    int status = 0;
    // Polled rather than blocking, so that a child ignoring SIGTERM cannot hang the benchmark.
    while (waitpid(m_pid, &status, WNOHANG) == 0)
    {
        if (std::chrono::steady_clock::now() >= deadline)
        {
            ::kill(m_pid, SIGKILL);
            waitpid(m_pid, &status, 0);
            break;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
    m_pid = -1;
    closePipes();
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace bench
