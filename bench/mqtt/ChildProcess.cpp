#include "ChildProcess.hpp"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

extern char** environ;

namespace bench
{

ChildProcess::ChildProcess(const std::vector<std::string>& arguments)
{
    int fds[2];
    int in[2];
    if (pipe2(fds, O_CLOEXEC) != 0 || pipe2(in, O_CLOEXEC) != 0)
        throw std::runtime_error(std::string("cannot make a pipe: ") + std::strerror(errno));
    const std::string self = "/proc/self/exe";
    std::vector<char*> argv{const_cast<char*>(self.c_str())};
    for (const auto& argument : arguments)
        argv.push_back(const_cast<char*>(argument.c_str()));
    argv.push_back(nullptr);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, fds[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, in[0], STDIN_FILENO);
    const int rc = posix_spawn(&m_pid, self.c_str(), &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(fds[1]);
    ::close(in[0]);
    if (rc != 0)
    {
        ::close(fds[0]);
        ::close(in[1]);
        throw std::runtime_error(std::string("cannot run a child benchmark: ") + std::strerror(rc));
    }
    m_output = fdopen(fds[0], "r");
    m_input = fdopen(in[1], "w");
}

ChildProcess::~ChildProcess()
{
    wait();
}

std::optional<std::string> ChildProcess::readLine()
{
    if (!m_output)
        return std::nullopt;
    std::string line;
    for (int c = std::fgetc(m_output); c != EOF; c = std::fgetc(m_output))
    {
        if (c == '\n')
            return line;
        line += static_cast<char>(c);
    }
    if (line.empty())
        return std::nullopt;
    return line;
}

void ChildProcess::writeLine(const std::string& line)
{
    if (!m_input)
        return;
    std::fputs((line + "\n").c_str(), m_input);
    std::fflush(m_input);
}

int ChildProcess::wait()
{
    if (m_input)
    {
        std::fclose(m_input);
        m_input = nullptr;
    }
    if (m_output)
    {
        std::fclose(m_output);
        m_output = nullptr;
    }
    if (m_pid <= 0)
        return -1;
    int status = 0;
    waitpid(m_pid, &status, 0);
    m_pid = -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

} // namespace bench
