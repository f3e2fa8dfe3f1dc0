#pragma once

#include "Endpoints.hpp"
#include "Inbox.hpp"

#include <atomic>
#include <thread>

namespace bench
{

/// The answering side of a pair: a consumer thread that sends back every payload its inbox gets,
/// like a game's main loop answering a move. Stops and joins in its destructor.
class Echo
{
public:
    /// Both are borrowed and must outlive this object.
    Echo(Endpoint& endpoint, Inbox& inbox);
    Echo(const Echo&) = delete;
    Echo& operator=(const Echo&) = delete;
    ~Echo();

private:
    Endpoint& m_endpoint;
    Inbox& m_inbox;
    std::atomic<bool> m_stop{false};
    std::thread m_thread; // last: started once the members it uses exist
};

} // namespace bench
