#pragma once

#include "Endpoints.hpp"
#include "Flavour.hpp"

#include <mqttgames/mqtt/EventQueue.hpp>

#include <chrono>
#include <cstddef>
#include <queue>
#include <vector>

namespace bench
{

/// One run of the scale benchmark, or the part of it that one process plays.
struct RunPlan
{
    Flavour flavour = Flavour::Game;
    int matches = 10;
    int moves = 20; // per player
    int thinkMs = 50;
    std::size_t moveBytes = 60;
    double maxSeconds = 60;
    int brokerPort = 0;
    int firstMatch = 0; // matches are numbered across the shards of a run
    int runId = 0;      // keeps the topics of one run apart from those of another
};

/// Plays every match on one consumer thread (the caller's), like many games' main loops folded into
/// one: the clients' callbacks are posted to one mqtt::EventQueue, and timers stand for thinking.
class Tournament
{
public:
    using Clock = std::chrono::steady_clock;

    explicit Tournament(const RunPlan& plan);

    /// Connects both clients of every match. Throws std::runtime_error when one cannot connect or
    /// `deadline` passes.
    void connect(Clock::time_point deadline);
    /// Plays until every move was answered or `deadline` passes; the caller's thread runs the matches.
    void play(Clock::time_point deadline);
    /// Disconnects every client.
    void disconnect() { m_matches.clear(); }

    /// How long each move took to reach the partner, in the order they arrived.
    const std::vector<double>& latenciesMs() const { return m_latenciesMs; }
    Clock::time_point start() const { return m_start; }
    Clock::time_point lastMove() const { return m_lastMove; }
    /// Moves that never arrived before play() ended.
    std::size_t lost() const { return m_expected - m_latenciesMs.size(); }

private:
    struct Match
    {
        EndpointPair endpoints;
        int sent[2] = {0, 0};
        Clock::time_point sentAt;
    };

    struct Timer
    {
        Clock::time_point due;
        int match;
        Side side;
        bool operator<(const Timer& other) const { return due > other.due; } // earliest on top
    };

    Delivery deliveryFor(int match, Side side);
    void sendMove(int k, Side side);
    // Consumer thread: the partner's move arrived; answer after thinking, if moves are left.
    void receiveMove(int k, Side receiver, const std::string& move);

    const RunPlan m_plan;
    mqtt::EventQueue m_queue;
    std::vector<Match> m_matches; // after the queue: the clients go first, while it lives
    std::priority_queue<Timer> m_timers;
    std::vector<double> m_latenciesMs;
    std::size_t m_expected = 0;
    Clock::time_point m_start;
    Clock::time_point m_lastMove;
};

} // namespace bench
