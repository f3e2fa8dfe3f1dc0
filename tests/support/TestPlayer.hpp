#pragma once

#include <mqttgames/mqtt/GameClient.hpp>

#include "support/Waiting.hpp"

#include <algorithm>
#include <chrono>
#include <memory>
#include <string>

namespace testsupport
{

/// A GameClient whose state changes and messages a test can wait for.
struct TestPlayer
{
    explicit TestPlayer(const std::string& name, const std::string& topic = "test/game")
    {
        client = std::make_unique<mqtt::GameClient>([this](mqtt::GameState state) { states.push(state); },
                                                    [this](const std::string& text) { messages.push(text); }, topic);
        client->setName(name);
        client->setAnnounceInterval(std::chrono::milliseconds(200));
        client->setEventCallback(
            [this](const mqtt::GameEvent& event)
            {
                if (const auto* refusal = std::get_if<mqtt::event::Refused>(&event))
                    refused.push(refusal->reason);
                else if (const auto* paired = std::get_if<mqtt::event::Paired>(&event))
                    pairedSigned.push(paired->signedMessages);
            });
    }

    /// Waits until something in the partner's name was refused whose quote begins with `text`.
    bool waitForRefusal(const std::string& text, std::chrono::milliseconds timeout = std::chrono::seconds(5))
    {
        return eventually(
            [&]
            {
                const auto reasons = refused.items();
                return std::any_of(reasons.begin(), reasons.end(),
                                   [&](const std::string& reason) { return reason.find("\"" + text) != std::string::npos; });
            },
            timeout);
    }

    Inbox<mqtt::GameState> states;
    Inbox<std::string> messages;
    // Unless a test sets its own event callback: the reasons of event::Refused, and whether each
    // pairing signs (event::Paired::signedMessages).
    Inbox<std::string> refused;
    Inbox<bool> pairedSigned;
    std::unique_ptr<mqtt::GameClient> client; // last: destroyed first, while the inboxes live
};

} // namespace testsupport
