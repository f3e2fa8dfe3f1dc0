#pragma once

#include <chrono>
#include <string>

#include <mqttgames/engine/Loop.hpp>
#include <mqttgames/engine/Match.hpp>
#include <mqttgames/engine/Session.hpp>
#include <mqttgames/mqtt/EventQueue.hpp>

namespace engine
{

// Two seats in one process, both fed by one EventQueue: how a test (or a tool) lets bots play a game
// through a real broker, a simulated opponent included, without a window.

/// A seat the computer plays at `level` in `room` on host:port. It asks for a rematch after every
/// round, up to `games` rounds. A zero `budget` keeps the engine's default thinking time.
inline MatchSettings botSeat(const std::string& host, int port, const std::string& room, const std::string& name, int level,
                             int games, std::chrono::milliseconds budget = std::chrono::milliseconds(0))
{
    MatchSettings settings;
    settings.host = host;
    settings.port = port;
    settings.room = room;
    settings.name = name;
    settings.botLevel = level;
    if (budget > std::chrono::milliseconds(0))
        settings.botBudget = budget;
    settings.rematch = MatchSettings::Rematch::Always;
    settings.games = games;
    return settings;
}

/// Runs both seats through the engine's Loop until `done()` holds; false if `timeout` passes first.
template <typename Predicate>
bool runSeats(const mqtt::EventQueue& queue, Match& a, Match& b, Predicate done, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    Loop loop(queue);
    loop.add(a);
    loop.add(b);
    while (!done())
    {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        loop.step(std::chrono::milliseconds(20), deadline);
    }
    return true;
}

/// Runs both seats until each has finished `rounds` rounds, calling `onRound()` once for every
/// finished round while both seats still show it (the same round over on both sides), so it can
/// compare their final states. False if `timeout` passes first.
template <typename OnRound>
bool playRounds(const mqtt::EventQueue& queue, Match& a, Match& b, int rounds, OnRound onRound, std::chrono::milliseconds timeout)
{
    int seen = 0;
    return runSeats(
        queue, a, b,
        [&]
        {
            const Session& first = a.session();
            const Session& second = b.session();
            if (first.phase() == Phase::RoundOver && second.phase() == Phase::RoundOver &&
                first.roundNumber() == second.roundNumber() && first.roundNumber() > seen)
            {
                onRound();
                seen = first.roundNumber();
            }
            return first.roundsFinished() >= rounds && second.roundsFinished() >= rounds && seen >= rounds;
        },
        timeout);
}

} // namespace engine
