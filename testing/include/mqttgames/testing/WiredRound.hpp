#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <utility>

#include <mqttgames/engine/Round.hpp>

namespace testing
{

/// Takes one message a round sends: its type and body.
using Outbox = std::function<void(const std::string& type, nlohmann::json body)>;

/// A round whose replies go to an outbox, with act() and receive() also in the shape of a bool and a
/// reason, so that a test wires two rounds to each other or records what one sends. The round's own
/// act() and receive() (returning engine::Reply) stay callable. Main thread only.
template <typename RoundType>
class WiredRound : public RoundType
{
public:
    /// `outbox` may be empty (what is sent is dropped); the rest builds the round.
    template <typename... Args>
    explicit WiredRound(Outbox outbox, Args&&... args) : RoundType(std::forward<Args>(args)...), m_outbox(std::move(outbox))
    {
    }

    using RoundType::act;
    using RoundType::receive;
    /// Acts; on success hands the reply's messages to the outbox, else puts the reason in `error`.
    bool act(std::string_view action, std::string& error) { return deliver(RoundType::act(action), error); }
    /// Acts on an action of either form (a bot's answer, a view's step); the same.
    bool perform(const engine::Action& action, std::string& error) { return deliver(engine::perform(*this, action), error); }
    /// Receives; the same.
    bool receive(const std::string& type, const nlohmann::json& body, std::string& error)
    {
        return deliver(RoundType::receive(type, body), error);
    }

private:
    bool deliver(engine::Reply reply, std::string& error)
    {
        if (!reply.accepted)
        {
            error = std::move(reply.reason);
            return false;
        }
        for (auto& message : reply.send)
            if (m_outbox)
                m_outbox(message.type, std::move(message.body));
        return true;
    }

    Outbox m_outbox;
};

} // namespace testing
