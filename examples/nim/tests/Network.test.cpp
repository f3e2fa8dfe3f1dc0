#include <catch2/catch.hpp>

#include <chrono>
#include <sstream>

#include <mqttgames/engine/Match.hpp>
#include <mqttgames/engine/TurnGame.hpp>
#include <mqttgames/testing/TwoSeats.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>

#include "Heaps.hpp"

using namespace std::chrono_literals;

namespace
{

const nim::Heaps& heapsOf(const engine::Match& match)
{
    return static_cast<const engine::TurnRound<nim::Heaps>&>(*match.session().round()).state();
}

std::string text(const nim::Heaps& heaps)
{
    std::ostringstream out;
    out << heaps;
    return out.str();
}

} // namespace

TEST_CASE("nim over a broker")
{
    mqtt::LoopbackBroker broker; // a private mosquitto on a free 127.0.0.1 port
    // The rules alone: a match needs no window (this test links no SFML).
    const engine::TurnGame<nim::Heaps> game({.id = "nim", .title = "Nim"});
    mqtt::EventQueue queue;
    // Two computer seats in the same room, easy against hard, four rounds, each through the broker.
    engine::Match easy(game, queue, engine::botSeat(broker.host(), broker.port(), "bots", "easy", 0, 4));
    engine::Match hard(game, queue, engine::botSeat(broker.host(), broker.port(), "bots", "hard", 2, 4));
    easy.connect();
    hard.connect();

    const auto& a = easy.session();
    const auto& b = hard.session();
    REQUIRE(engine::playRounds(queue, easy, hard, 4, [&]
    {
        // Every finished round, while both still show it: the same heaps and result on both sides.
        INFO("round " << a.roundNumber() << "\n" << heapsOf(easy) << "vs\n" << heapsOf(hard));
        CHECK(text(heapsOf(easy)) == text(heapsOf(hard)));
        CHECK(heapsOf(easy).end());
        CHECK(a.round()->resultText() == b.round()->resultText());
        CHECK(a.localStarts() != b.localStarts());
        if (b.localStarts()) // 3 ^ 4 ^ 5 != 0: perfect play wins from the start
            CHECK(b.round()->outcome() == engine::Outcome::Won);
    }, 30s));

    CHECK(a.wins() == b.losses());
    CHECK(a.losses() == b.wins());
    CHECK(b.wins() >= 2);
    CHECK(a.draws() + b.draws() == 0);
    CHECK(a.partnerName() == "hard");
    CHECK(b.partnerName() == "easy");
    CHECK(a.notice().empty());
    CHECK(b.notice().empty());
}
