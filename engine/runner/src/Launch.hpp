#pragma once

#include <chrono>

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include <mqttgames/engine/Match.hpp>
#include <mqttgames/engine/RoundView.hpp>
#include <mqttgames/engine/SceneStack.hpp>
#include <mqttgames/mqtt/TlsOptions.hpp>

namespace runner
{

/// Everything needed to start a match, from the menu or the command line: where and as whom
/// (engine::ConnectionSettings; the computer opponent uses the same broker, login and TLS), and who
/// plays.
struct Choice : engine::ConnectionSettings
{
    const engine::GameWithView* game = nullptr;
    /// The computer plays our seat at this level.
    std::optional<int> bot;
    /// An in-process computer opponent at this level.
    std::optional<int> vsComputer;
    /// Rounds to play before a scripted run ends (0: no limit).
    int games = 0;
    /// Bot moves are paced for a watcher in a window, instant in a terminal.
    bool window = true;
    /// Record our seat's matches in replayFolder().
    bool record = true;
};

/// Our seat and, when the computer is the opponent, its seat: a second client in a private room of
/// the same broker. Neither is connected yet.
struct Seats
{
    std::unique_ptr<engine::Match> player;
    std::unique_ptr<engine::Match> computer;
};

Seats makeSeats(const Choice& choice, mqtt::EventQueue queue);

/// Connects the seats of `choice` and pushes their play scene; `onLeave` runs when the player leaves.
void pushPlayScene(engine::SceneStack& stack, const Choice& choice, std::function<void()> onLeave);

} // namespace runner
