#pragma once

#include <atomic>
#include <chrono>
#include <functional>
#include <memory>
#include <thread>

#include <mqttgames/engine/Round.hpp>
#include <mqttgames/mqtt/EventQueue.hpp>

namespace engine
{

/// Runs one bot search at a time on its own thread, so the frame never waits for it; the answer
/// comes back through the queue, to be run where the queue is drained. Main thread only.
class BotRunner
{
public:
    using Done = std::function<void(const Action& action)>;

    explicit BotRunner(mqtt::EventQueue queue);
    /// Cancels the search and joins its thread; a pending answer is then dropped.
    ~BotRunner();
    BotRunner(const BotRunner&) = delete;
    BotRunner& operator=(const BotRunner&) = delete;

    /// Starts `job` with `budget` to think (cancelling any search under way). `done` runs on the
    /// draining thread with the answer (the notation "" when the search failed), unless cancelled first.
    void start(BotJob job, std::chrono::milliseconds budget, Done done);
    /// Stops the search under way; its answer is dropped.
    void cancel();
    /// From start() until its answer was delivered or it was cancelled.
    bool isRunning() const { return m_state->running; }

private:
    struct State
    {
        bool running = false;
        unsigned generation = 0;
    };

    void join();

    mqtt::EventQueue m_queue;
    std::shared_ptr<State> m_state = std::make_shared<State>();
    std::shared_ptr<std::atomic<bool>> m_cancelled;
    std::thread m_thread;
};

} // namespace engine
