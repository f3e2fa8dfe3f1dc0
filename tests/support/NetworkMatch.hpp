#pragma once

#include <chrono>
#include <string>

#include <catch2/catch.hpp>

#include <mqttgames/engine/Match.hpp>
#include <mqttgames/engine/Session.hpp>
#include <mqttgames/mqtt/EventQueue.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>

namespace testsupport
{

using namespace std::chrono_literals;

/// A seat the computer plays at `level` in `room` of the loopback broker: it asks for a rematch
/// after every round, up to `games` rounds. A zero `budget` keeps the engine's default think time.
inline engine::MatchSettings botSeat(const mqtt::LoopbackBroker& broker, const std::string& name, const std::string& room,
                                     int level, int games, std::chrono::milliseconds budget = 0ms)
{
    engine::MatchSettings settings;
    settings.host = broker.host();
    settings.port = broker.port();
    settings.room = room;
    settings.name = name;
    settings.botLevel = level;
    if (budget > 0ms)
        settings.botBudget = budget;
    settings.rematch = engine::MatchSettings::Rematch::Always;
    settings.games = games;
    return settings;
}

/// Drains the shared queue and updates both seats until `done` holds or the deadline passes.
template <typename Predicate>
bool runUntil(const mqtt::EventQueue& queue, engine::Match& a, engine::Match& b, Predicate done, std::chrono::seconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!done())
    {
        if (std::chrono::steady_clock::now() > deadline)
            return false;
        mqtt::EventQueue::Call call;
        if (queue.waitPop(call, 20ms))
            call();
        queue.drain();
        a.update();
        b.update();
    }
    return true;
}

/// Runs both seats until each has finished `rounds` rounds, calling `checkRound` once for every
/// finished round while both still show it (the same round over on both sides). False at the deadline.
template <typename CheckRound>
bool playRounds(const mqtt::EventQueue& queue, engine::Match& a, engine::Match& b, int rounds, CheckRound checkRound,
                std::chrono::seconds timeout)
{
    int checkedRounds = 0;
    return runUntil(queue, a, b, [&]
    {
        const auto& first = a.session();
        const auto& second = b.session();
        if (first.phase() == engine::Phase::RoundOver && second.phase() == engine::Phase::RoundOver &&
            first.roundNumber() == second.roundNumber() && first.roundNumber() > checkedRounds)
        {
            checkRound();
            checkedRounds = first.roundNumber();
        }
        return first.roundsFinished() >= rounds && second.roundsFinished() >= rounds && checkedRounds >= rounds;
    }, timeout);
}

/// Checks that two seats that played each other agree: mirrored tallies, each names the other as its
/// partner, and neither shows a notice (nothing was refused).
inline void checkAgreed(const engine::Session& a, const engine::Session& b)
{
    CHECK(a.wins() == b.losses());
    CHECK(a.losses() == b.wins());
    CHECK(a.draws() == b.draws());
    CHECK_FALSE(a.partnerName().empty());
    CHECK(a.partnerName() == b.localName());
    CHECK(b.partnerName() == a.localName());
    CHECK(a.notice().empty());
    CHECK(b.notice().empty());
}

} // namespace testsupport
