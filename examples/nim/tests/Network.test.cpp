#include <catch2/catch.hpp>

#include <chrono>

#include <mqttgames/engine/Match.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>

#include "Game.hpp"
#include "Round.hpp"

using namespace std::chrono_literals;

namespace
{

// Drains the shared queue and updates both seats until `done` holds or the deadline passes.
template <typename Predicate>
bool runUntil(const mqtt::EventQueue& queue, engine::Match& a, engine::Match& b, Predicate done)
{
    const auto deadline = std::chrono::steady_clock::now() + 30s;
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

const nim::Heaps& heapsOf(const engine::Match& match)
{
    return static_cast<const nim::Round&>(*match.session().round()).heaps();
}

engine::MatchSettings seat(const mqtt::LoopbackBroker& broker, const std::string& name, int level)
{
    engine::MatchSettings settings;
    settings.host = broker.host();
    settings.port = broker.port();
    settings.room = "bots";
    settings.name = name;
    settings.botLevel = level;
    settings.rematch = engine::MatchSettings::Rematch::Always;
    settings.games = 4;
    return settings;
}

} // namespace

TEST_CASE("nim over a broker")
{
    mqtt::LoopbackBroker broker;
    const nim::Game game;
    mqtt::EventQueue queue;
    engine::Match easy(game, queue, seat(broker, "easy", 0));
    engine::Match hard(game, queue, seat(broker, "hard", 2));
    easy.connect();
    hard.connect();

    int checkedRounds = 0;
    REQUIRE(runUntil(queue, easy, hard, [&]
    {
        // Compare every finished round while both still show it.
        const auto& a = easy.session();
        const auto& b = hard.session();
        if (a.phase() == engine::Phase::RoundOver && b.phase() == engine::Phase::RoundOver &&
            a.roundNumber() == b.roundNumber() && a.roundNumber() > checkedRounds)
        {
            INFO("round " << a.roundNumber() << "\n" << heapsOf(easy) << "vs\n" << heapsOf(hard));
            CHECK(heapsOf(easy) == heapsOf(hard));
            CHECK(heapsOf(easy).isOver());
            CHECK(a.round()->resultText() == b.round()->resultText());
            CHECK(a.localStarts() != b.localStarts());
            if (b.localStarts()) // 3 ^ 4 ^ 5 != 0: perfect play wins from the start
                CHECK(b.round()->outcome() == engine::Outcome::Won);
            checkedRounds = a.roundNumber();
        }
        return a.roundsFinished() >= 4 && b.roundsFinished() >= 4 && checkedRounds >= 4;
    }));

    const auto& a = easy.session();
    const auto& b = hard.session();
    CHECK(a.wins() == b.losses());
    CHECK(a.losses() == b.wins());
    CHECK(b.wins() >= 2);
    CHECK(a.draws() + b.draws() == 0);
    CHECK(a.partnerName() == "hard");
    CHECK(b.partnerName() == "easy");
    CHECK(a.notice().empty());
    CHECK(b.notice().empty());
}
