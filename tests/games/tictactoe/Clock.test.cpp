// Time controls between two seats through a real broker, each seat's session on a clock of its own
// that runs with real time (so lost messages are sent again as usual) and that the test sets ahead:
// who pairs, who concedes, who claims.
#include <catch2/catch.hpp>

#include <mqttgames/engine/Match.hpp>
#include <mqttgames/engine/TurnGame.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/testing/FaultProxy.hpp>
#include <mqttgames/tictactoe/Board.hpp>

#include "support/NetworkMatch.hpp"

using namespace std::chrono_literals;
using engine::Phase;

namespace
{

engine::TimeControl control(const std::string& text)
{
    std::string error;
    return engine::TimeControl::parse(text, error).value();
}

engine::MatchSettings seat(const mqtt::LoopbackBroker& broker, const std::string& room, const std::string& name, const std::string& clock)
{
    auto settings = engine::personSeat(broker.host(), broker.port(), room, name);
    settings.clock = control(clock);
    return settings;
}

bool playing(const engine::Match& seat)
{
    return seat.session().phase() == Phase::Playing;
}

bool warned(const engine::Match& seat, const std::string& text)
{
    for (const auto& entry : seat.session().log())
        if (entry.text.find(text) != std::string::npos)
            return true;
    return false;
}

// A seat's clock: real time, set ahead by the test.
using Ahead = std::chrono::milliseconds;
engine::Session::Clock aheadBy(const Ahead& ahead)
{
    return [&ahead] { return std::chrono::steady_clock::now() + ahead; };
}

// Two seats paired under one time control, each on a clock of its own.
struct ClockedTable
{
    ClockedTable(const mqtt::LoopbackBroker& broker, const std::string& clock)
        : ann(game, queue, seat(broker, "clocked", "ann", clock)), bob(game, queue, seat(broker, "clocked", "bob", clock))
    {
        ann.session().setClock(aheadBy(annAhead));
        bob.session().setClock(aheadBy(bobAhead));
        ann.connect();
        bob.connect();
        REQUIRE(run([&] { return playing(ann) && playing(bob); }));
    }
    template <typename Predicate>
    bool run(Predicate done)
    {
        return testsupport::runUntil(queue, ann, bob, done, 10s);
    }
    engine::Match& first() { return ann.session().localStarts() ? ann : bob; }
    engine::Match& second() { return ann.session().localStarts() ? bob : ann; }
    Ahead& aheadOf(const engine::Match& seat) { return &seat == &ann ? annAhead : bobAhead; }

    const engine::TurnGame<tictactoe::Board> game{tictactoe::text()};
    mqtt::EventQueue queue;
    Ahead annAhead{0};
    Ahead bobAhead{0};
    engine::Match ann;
    engine::Match bob;
};

} // namespace

TEST_CASE("Only players with the same clock pair, the others are told why")
{
    const engine::TurnGame<tictactoe::Board> game(tictactoe::text());
    mqtt::LoopbackBroker broker;
    mqtt::EventQueue queue;
    engine::Match ann(game, queue, seat(broker, "timed", "ann", "5m+3s"));
    engine::Match bob(game, queue, seat(broker, "timed", "bob", "none"));
    ann.connect();
    bob.connect();
    REQUIRE(testsupport::runUntil(queue, ann, bob,
                                  [&]
                                  {
                                      return warned(ann, "Not paired with bob, who waits here with no clock (you chose the clock 5m+3s)") &&
                                             warned(bob, "Not paired with ann, who waits here with the clock 5m+3s (you chose no clock)");
                                  },
                                  10s));
    CHECK(ann.session().phase() == Phase::WaitingForPartner);
    CHECK(bob.session().phase() == Phase::WaitingForPartner);

    engine::Match carl(game, queue, seat(broker, "timed", "carl", "5m+3s"));
    carl.connect();
    REQUIRE(testsupport::runUntil(queue, ann, carl, [&] { return playing(ann) && playing(carl); }, 10s));
    CHECK(ann.session().partnerName() == "carl");
    CHECK(ann.session().clockText() == "you 5:00 \xC2\xB7 carl 5:00");
    CHECK(bob.session().phase() == Phase::WaitingForPartner);
}

TEST_CASE("The side whose clock runs out concedes by its own clock")
{
    mqtt::LoopbackBroker broker;
    ClockedTable table(broker, "1m+2s");
    engine::Match& first = table.first();
    engine::Match& second = table.second();
    // The first moves after 20 s (+2 s): 42 s left (less the real time the test took).
    table.aheadOf(first) += 20s;
    table.aheadOf(second) += 20s;
    REQUIRE(first.session().act(engine::Action("5")));
    REQUIRE(table.run([&] { return second.session().isLocalTurn(); }));
    CHECK(*first.session().timeLeft(engine::Turn::Local) <= 42s);
    CHECK(*first.session().timeLeft(engine::Turn::Local) > 32s);
    CHECK(*second.session().timeLeft(engine::Turn::Remote) <= 42s);
    CHECK(*second.session().timeLeft(engine::Turn::Local) <= 1min);

    // A minute on both sides: the second's clock ran out. Whether its concession or the first's
    // claim comes first, it loses on time.
    table.aheadOf(first) += 60s;
    table.aheadOf(second) += 60s;
    REQUIRE(table.run([&] { return !playing(first) && !playing(second); }));
    CHECK(second.session().outcome() == engine::Outcome::Lost);
    CHECK(second.session().resultText() == "Your time ran out");
    CHECK(first.session().outcome() == engine::Outcome::Won);
    CHECK(first.session().resultText() == second.session().localName() + "'s time ran out");
    CHECK(first.session().wins() == 1);
    CHECK(first.session().winsByResignation() == 0);
}

TEST_CASE("A partner that never concedes loses by the other's claim after the tolerance")
{
    mqtt::LoopbackBroker broker;
    ClockedTable table(broker, "1m");
    engine::Match& first = table.first();
    engine::Match& second = table.second();

    SECTION("the claim holds where the time is (nearly) up")
    {
        // The first's time ran out 3 s ago by the second's clock; by its own 57 s went by (the
        // first may concede before the claim comes, when the test runs slowly: it loses either way).
        table.aheadOf(first) += 57s;
        table.aheadOf(second) += 60s + engine::Session::FlagTolerance;
        REQUIRE(table.run([&] { return !playing(first) && !playing(second); }));
        CHECK(second.session().resultText() == first.session().localName() + "'s time ran out");
        CHECK(second.session().outcome() == engine::Outcome::Won);
        CHECK(first.session().outcome() == engine::Outcome::Lost);
    }
    SECTION("a claim long before the time is up is refused")
    {
        table.aheadOf(second) += 60s + engine::Session::FlagTolerance;
        REQUIRE(table.run([&] { return !playing(second) && first.session().notice().find("refused") != std::string::npos; }));
        const std::string& notice = first.session().notice();
        CHECK((notice.rfind("refused the partner's claim that your time ran out: 0:5", 0) == 0 ||
               notice == "refused the partner's claim that your time ran out: 1:00 left here"));
        CHECK(playing(first));
        CHECK(second.session().outcome() == engine::Outcome::Won);
    }
}

TEST_CASE("Time away counts: a reconnect pauses no clock")
{
    const engine::TurnGame<tictactoe::Board> game(tictactoe::text());
    mqtt::LoopbackBroker broker;
    mqtt::FaultProxy proxy(broker.host(), broker.port());
    mqtt::EventQueue queue;
    Ahead annAhead{0}; // before the seats, whose sessions read them to the end
    Ahead bobAhead{0};
    auto annSettings = seat(broker, "away", "ann", "1m");
    annSettings.host = proxy.host();
    annSettings.port = proxy.port();
    engine::Match ann(game, queue, annSettings);
    engine::Match bob(game, queue, seat(broker, "away", "bob", "1m"));
    ann.session().setClock(aheadBy(annAhead));
    bob.session().setClock(aheadBy(bobAhead));
    ann.connect();
    bob.connect();
    const auto run = [&](auto done) { return testsupport::runUntil(queue, ann, bob, done, 15s); };
    REQUIRE(run([&] { return playing(ann) && playing(bob); }));
    // A move from each (a partner that never sent one counts as gone at once), then ann's turn.
    const auto play = [&](engine::Match& mover, engine::Match& next, const char* cell)
    {
        REQUIRE(mover.session().act(engine::Action(cell)));
        REQUIRE(run([&] { return next.session().isLocalTurn(); }));
    };
    if (!ann.session().localStarts())
        play(bob, ann, "5");
    play(ann, bob, ann.session().localStarts() ? "5" : "1");
    play(bob, ann, "9");

    // Ann's connection drops on her turn and stays away 40 s more by both clocks.
    REQUIRE(*ann.session().timeLeft(engine::Turn::Local) > 50s);
    proxy.setRefusing(true);
    proxy.cut();
    REQUIRE(run([&] { return ann.session().phase() == Phase::Reconnecting; }));
    annAhead += 40s;
    bobAhead += 40s;
    proxy.setRefusing(false);
    REQUIRE(run([&] { return playing(ann) && playing(bob); }));
    CHECK(*ann.session().timeLeft(engine::Turn::Local) <= 20s);
    CHECK(*ann.session().timeLeft(engine::Turn::Local) > 5s);
    CHECK(*bob.session().timeLeft(engine::Turn::Remote) <= 20s);

    annAhead += 21s;
    bobAhead += 21s;
    REQUIRE(run([&] { return !playing(ann) && !playing(bob); }));
    CHECK(ann.session().resultText() == "Your time ran out");
    CHECK(bob.session().outcome() == engine::Outcome::Won);
}
