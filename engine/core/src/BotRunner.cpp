#include <mqttgames/engine/BotRunner.hpp>

namespace engine
{

BotRunner::BotRunner(mqtt::EventQueue queue) : m_queue(std::move(queue)) {}

BotRunner::~BotRunner()
{
    cancel();
}

void BotRunner::start(BotJob job, std::chrono::milliseconds budget, Done done)
{
    cancel();
    m_cancelled = std::make_shared<std::atomic<bool>>(false);
    const unsigned generation = ++m_state->generation;
    m_state->running = true;
    // The thread gets only copies and the queue; main-thread state is reached through the weak
    // pointer, on the main thread, once the answer is drained.
    m_thread = std::thread(
        [job = std::move(job), done = std::move(done), cancelled = m_cancelled, queue = m_queue,
         weak = std::weak_ptr<State>(m_state), generation, budget]
        {
            Action action;
            try
            {
                action = job(BotControl{std::chrono::steady_clock::now() + budget, cancelled.get()});
            }
            catch (...)
            {
                action = std::string();
            }
            if (cancelled->load())
                return;
            queue.push(
                [weak, generation, done, action = std::move(action)]
                {
                    const auto state = weak.lock();
                    if (!state || state->generation != generation || !state->running)
                        return;
                    state->running = false;
                    done(action);
                });
        });
}

void BotRunner::cancel()
{
    if (m_cancelled)
        m_cancelled->store(true);
    m_state->running = false;
    ++m_state->generation;
    join();
}

void BotRunner::join()
{
    if (m_thread.joinable())
        m_thread.join();
}

} // namespace engine
