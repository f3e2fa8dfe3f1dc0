#pragma once

#include <mqttgames/mqtt/GameClient.hpp>

#include "support/Waiting.hpp"

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
    }

    Inbox<mqtt::GameState> states;
    Inbox<std::string> messages;
    std::unique_ptr<mqtt::GameClient> client; // last: destroyed first, while the inboxes live
};

} // namespace testsupport
