#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace bench
{

/// This very program run again with other arguments (so that a measurement gets a fresh process:
/// its memory and thread counts are then its own), its stdin written and its stdout read line by
/// line. Its stderr is ours.
/// Throws std::runtime_error when it cannot start; the destructor waits for it.
class ChildProcess
{
public:
    explicit ChildProcess(const std::vector<std::string>& arguments);
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess();

    /// The next line it printed, without the newline; nullopt once it closed its stdout.
    std::optional<std::string> readLine();
    /// Sends it a line on its stdin.
    void writeLine(const std::string& line);
    /// Waits for it to end; its exit code (128 + signal when a signal ended it).
    int wait();

private:
    pid_t m_pid = -1;
    std::FILE* m_input = nullptr;
    std::FILE* m_output = nullptr;
};

} // namespace bench
