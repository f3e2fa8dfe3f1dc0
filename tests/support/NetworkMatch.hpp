#pragma once

#include <chrono>
#include <string>

#include <catch2/catch.hpp>

#include <mqttgames/engine/Match.hpp>
#include <mqttgames/engine/Session.hpp>
#include <mqttgames/testing/TwoSeats.hpp>
#include <mqttgames/mqtt/EventQueue.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>

namespace testsupport
{

using namespace std::chrono_literals;

/// engine::botSeat on the loopback broker.
inline engine::MatchSettings botSeat(const mqtt::LoopbackBroker& broker, const std::string& name, const std::string& room,
                                     int level, int games, std::chrono::milliseconds budget = 0ms)
{
    return engine::botSeat(broker.host(), broker.port(), room, name, level, games, budget);
}

/// engine::runSeats.
template <typename Predicate>
bool runUntil(const mqtt::EventQueue& queue, engine::Match& a, engine::Match& b, Predicate done, std::chrono::milliseconds timeout)
{
    return engine::runSeats(queue, a, b, done, timeout);
}

using engine::playRounds;

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
