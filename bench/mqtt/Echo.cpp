#include "Echo.hpp"

namespace bench
{

Echo::Echo(Endpoint& endpoint, Inbox& inbox) :
m_endpoint(endpoint),
m_inbox(inbox),
m_thread(
    [this]
    {
        // The short wait only bounds how long the destructor waits for this thread.
        while (!m_stop.load(std::memory_order_relaxed))
            if (auto payload = m_inbox.pop(std::chrono::milliseconds(20)))
                m_endpoint.send(*payload);
    })
{
}

Echo::~Echo()
{
    m_stop = true;
    m_thread.join();
}

} // namespace bench
