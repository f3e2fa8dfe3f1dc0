#pragma once

#include <algorithm>
#include <chrono>
#include <stdexcept>
#include <string>

#include <mqttgames/engine/Loop.hpp>
#include <mqttgames/engine/Match.hpp>
#include <mqttgames/engine/Session.hpp>
#include <mqttgames/mqtt/EventQueue.hpp>

namespace engine
{

// Two seats in one process, both fed by one EventQueue: how a test (or a tool) lets bots play a game
// through a real broker, a simulated opponent included, without a window.

/// A seat a person plays (the test acts for it: Session::act, resign, ...) in `room` on host:port.
inline MatchSettings personSeat(const std::string& host, int port, const std::string& room, const std::string& name)
{
    MatchSettings settings;
    settings.host = host;
    settings.port = port;
    settings.room = room;
    settings.name = name;
    return settings;
}

/// A seat the computer plays at `level` in `room` on host:port. It asks for a rematch after every
/// round, up to `games` rounds. A zero `budget` keeps the engine's default thinking time.
inline MatchSettings botSeat(const std::string& host, int port, const std::string& room, const std::string& name, int level,
                             int games, std::chrono::milliseconds budget = std::chrono::milliseconds(0))
{
    MatchSettings settings = personSeat(host, port, room, name);
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

/// Runs both seats until each has finished `rounds` rounds, calling `onRound()` once for each of
/// those rounds, in order, while both seats show it over (the same round on both sides), so it can
/// compare their final states. Every round is checked: the seats are run one queued call at a time
/// and looked at after each call and after each seat's update, since both may finish a round and
/// start the next within one Loop::step (a rematch already asked for is taken at once). Should a
/// seat ever begin a round before both showed the one before it over, this throws std::logic_error
/// naming that round rather than let it go unchecked. False if `timeout` passes first.
template <typename OnRound>
bool playRounds(const mqtt::EventQueue& queue, Match& a, Match& b, int rounds, OnRound onRound, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    Loop loop(queue); // for the seats' wake-ups; the steps are taken here, one call at a time
    loop.add(a);
    loop.add(b);
    int seen = 0;
    const auto look = [&]
    {
        const Session& first = a.session();
        const Session& second = b.session();
        if (first.phase() == Phase::RoundOver && second.phase() == Phase::RoundOver &&
            first.roundNumber() == second.roundNumber() && first.roundNumber() == seen + 1)
        {
            onRound();
            seen = first.roundNumber();
        }
        // A seat leaves a finished round only once the other asked for the next, which it does
        // after finishing that round itself: so both show it over at some point between calls.
        const int ahead = std::max(first.roundNumber(), second.roundNumber());
        if (seen < rounds && ahead > seen + 1)
            throw std::logic_error("playRounds: a seat began round " + std::to_string(ahead) + " before both showed round " +
                                   std::to_string(seen + 1) + " over, which went unchecked");
    };
    mqtt::EventQueue::Call call;
    while (a.session().roundsFinished() < rounds || b.session().roundsFinished() < rounds || seen < rounds)
    {
        const auto now = std::chrono::steady_clock::now();
        if (now > deadline)
            return false;
        // As Loop::step waits: until a call comes, a seat's wake-up, or a short idle time.
        const auto until = *earliest(now + std::chrono::milliseconds(20), earliest(loop.nextWake(), deadline));
        const auto wait = std::chrono::ceil<std::chrono::milliseconds>(until - now);
        if (queue.waitPop(call, std::max(wait, std::chrono::milliseconds(0))))
        {
            queue.run(call);
            look();
            // The calls queued by now, as Loop::step drains them, each looked at.
            for (std::size_t more = queue.size(); more > 0 && queue.tryPop(call); --more)
            {
                queue.run(call);
                look();
            }
        }
        a.update();
        look();
        b.update();
        look();
    }
    return true;
}

} // namespace engine
