#pragma once

#include <sys/types.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

namespace testing
{

/// A program run as a child, for tests and benchmarks: its stdin written, its stdout read line by
/// line (its stderr is ours). Every wait has a deadline unless Forever is asked for. The destructor
/// closes its stdin, kills it if it still runs, and reaps it. Throws std::runtime_error when it
/// cannot start.
class ChildProcess
{
public:
    /// No deadline: for a benchmark's child that runs as long as its measurement.
    static constexpr std::chrono::milliseconds Forever{-1};

    /// Runs command[0] with the rest as its arguments.
    explicit ChildProcess(std::vector<std::string> command);
    ChildProcess(const ChildProcess&) = delete;
    ChildProcess& operator=(const ChildProcess&) = delete;
    ~ChildProcess();

    /// This very program with other arguments, so that a measurement gets a process of its own.
    static std::vector<std::string> thisProgram(std::vector<std::string> arguments);

    pid_t pid() const { return m_pid; }
    /// Writes to its stdin; throws std::runtime_error when it cannot.
    void write(const std::string& text);
    void writeLine(const std::string& line) { write(line + "\n"); }
    void closeStdin();

    /// The next line it printed, without the newline; nothing at the deadline, or once it closed its
    /// stdout with nothing left (an unterminated last line is returned).
    std::optional<std::string> readLine(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    /// Reads lines until one equals `line`; false at the deadline.
    bool waitForLine(const std::string& line, std::chrono::milliseconds timeout = std::chrono::seconds(5));
    /// Reads lines until one contains `text` (a prompt without a newline may stand before it).
    bool waitForOutput(const std::string& text, std::chrono::milliseconds timeout = std::chrono::seconds(20));

    /// Waits for it to exit: its exit code; nothing at the deadline or when a signal ended it.
    std::optional<int> wait(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    void kill(int signal);
    /// Asks it to end (SIGTERM), kills it if it has not within the grace time, and reaps it: its exit
    /// code, or 128 + the signal that ended it.
    int terminate(std::chrono::milliseconds grace = std::chrono::seconds(5));

private:
    pid_t m_pid = -1;
    int m_input = -1;
    int m_output = -1;
    std::string m_buffer; // read but not yet returned
};

} // namespace testing
