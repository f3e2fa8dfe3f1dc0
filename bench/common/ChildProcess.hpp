#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <sys/types.h>
#include <vector>

namespace bench
{

/// A program run as a child, its stdin written and its stdout read line by line; its stderr is ours.
/// By default it is this very program run again with other arguments (so that a measurement gets a
/// fresh process: its memory and thread counts are then its own).
/// Throws std::runtime_error when it cannot start; the destructor closes its stdin and waits for it.
class ChildProcess
{
public:
    explicit ChildProcess(const std::vector<std::string>& arguments);
    ChildProcess(const std::string& program, const std::vector<std::string>& arguments);
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess();

    /// The next line it printed, without the newline; nullopt once it closed its stdout.
    std::optional<std::string> readLine();
    /// The same, giving up (nullopt) when no whole line came within the timeout.
    std::optional<std::string> readLine(std::chrono::milliseconds timeout);
    /// Sends it a line on its stdin.
    void writeLine(const std::string& line);
    /// Waits for it to end; its exit code (128 + signal when a signal ended it).
    int wait();
    /// Asks it to end (SIGTERM), kills it if it has not ended within the grace time, and waits.
    int terminate(std::chrono::milliseconds grace = std::chrono::milliseconds(5000));
    pid_t pid() const { return m_pid; }

private:
    void closePipes();

    pid_t m_pid = -1;
    int m_input = -1;
    int m_output = -1;
    std::string m_buffer; // read but not yet returned
};

} // namespace bench
