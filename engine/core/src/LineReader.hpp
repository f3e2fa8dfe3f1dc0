#pragma once

#include <functional>
#include <optional>
#include <string>
#include <thread>

#include <mqttgames/mqtt/EventQueue.hpp>

namespace engine
{

/// Reads lines from a file descriptor (the terminal) on its own thread and posts each to the queue;
/// nothing (std::nullopt) at end of input. The destructor wakes the thread through a pipe and joins it,
/// so it never waits for the user to type.
class LineReader
{
public:
    using LineCallback = std::function<void(std::optional<std::string> line)>;

    LineReader(int fd, mqtt::EventQueue queue, LineCallback onLine);
    ~LineReader();
    LineReader(const LineReader&) = delete;
    LineReader& operator=(const LineReader&) = delete;

private:
    void run(int fd, mqtt::EventQueue queue, LineCallback onLine);

    int m_wake[2] = {-1, -1};
    std::thread m_thread;
};

} // namespace engine
