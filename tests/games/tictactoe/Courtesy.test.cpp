#include <catch2/catch.hpp>

#include <mqttgames/engine/Match.hpp>
#include <mqttgames/engine/TurnGame.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/tictactoe/Board.hpp>

#include "support/NetworkMatch.hpp"

// Resigning, offering a draw and taking a move back, between two people through a real broker.

using namespace std::chrono_literals;
using Proposal = engine::Session::Proposal;

namespace
{

std::string positionOf(const engine::Match& seat)
{
    return seat.session().round()->publicPosition().value_or("none");
}

// Two people paired in one room: `first` starts round 1.
struct Table
{
    explicit Table(const mqtt::LoopbackBroker& broker)
        : ann(game, queue, engine::personSeat(broker.host(), broker.port(), "courtesy", "ann")),
          bob(game, queue, engine::personSeat(broker.host(), broker.port(), "courtesy", "bob"))
    {
        ann.connect();
        bob.connect();
        REQUIRE(run([&] { return playing(ann) && playing(bob); }));
    }

    static bool playing(const engine::Match& seat) { return seat.session().phase() == engine::Phase::Playing; }
    engine::Match& first() { return ann.session().localStarts() ? ann : bob; }
    engine::Match& second() { return ann.session().localStarts() ? bob : ann; }
    template <typename Predicate>
    bool run(Predicate done)
    {
        return testsupport::runUntil(queue, ann, bob, done, 10s);
    }
    // A move by `seat`, seen by both.
    void play(engine::Match& seat, const std::string& move)
    {
        const std::string before = positionOf(seat);
        REQUIRE(seat.session().act(engine::Action(move)));
        REQUIRE(run([&] { return positionOf(ann) == positionOf(bob) && positionOf(ann) != before; }));
    }

    const engine::TurnGame<tictactoe::Board> game{tictactoe::text()};
    mqtt::EventQueue queue;
    engine::Match ann;
    engine::Match bob;
};

} // namespace

TEST_CASE("Courtesies of play through a broker: resign, draw, takeback")
{
    mqtt::LoopbackBroker broker;
    Table table(broker);
    engine::Session& first = table.first().session();
    engine::Session& second = table.second().session();

    SECTION("a player resigns: the round ends, the partner wins, and the score says how")
    {
        table.play(table.first(), "5");
        REQUIRE(second.resign());
        REQUIRE(table.run([&] { return first.phase() == engine::Phase::RoundOver; }));
        CHECK(second.outcome() == engine::Outcome::Lost);
        CHECK(first.outcome() == engine::Outcome::Won);
        CHECK(second.resultText() == "You resign");
        CHECK(first.resultText() == second.localName() + " resigns");
        CHECK(first.wins() == 1);
        CHECK(first.winsByResignation() == 1);
        CHECK(second.lossesByResignation() == 1);
        CHECK(first.scoreText(" · ") == "You 1 (1 by resignation) · " + second.localName() + " 0");
        CHECK_FALSE(second.resign()); // nothing left to resign
        CHECK(second.notice() == "no round is being played");
    }

    SECTION("a draw offered on the partner's turn and accepted ends the round a draw on both sides")
    {
        CHECK_FALSE(first.propose(Proposal::Draw)); // our own turn: make a move first
        CHECK(first.notice() == "a draw is offered on the partner's turn, after your move");
        table.play(table.first(), "5");
        REQUIRE(first.propose(Proposal::Draw));
        CHECK_FALSE(first.propose(Proposal::Takeback));
        CHECK(first.notice() == "you asked for a draw: wait for the answer");
        REQUIRE(table.run([&] { return second.partnerProposal() == Proposal::Draw; }));
        CHECK(first.localProposal() == Proposal::Draw);
        REQUIRE(second.answer(true));
        REQUIRE(table.run([&] { return first.phase() == engine::Phase::RoundOver; }));
        CHECK(first.outcome() == engine::Outcome::Draw);
        CHECK(second.outcome() == engine::Outcome::Draw);
        CHECK(first.resultText() == "Draw agreed");
        CHECK(first.agreedDraws() == 1);
        CHECK(second.draws() == 1);
    }

    SECTION("a declined draw says so; an offer lapses with the next move")
    {
        table.play(table.first(), "5");
        REQUIRE(first.propose(Proposal::Draw));
        REQUIRE(table.run([&] { return second.partnerProposal().has_value(); }));
        REQUIRE(second.answer(false));
        REQUIRE(table.run([&] { return !first.localProposal(); }));
        CHECK(first.notice() == second.localName() + " declines a draw");
        CHECK(first.phase() == engine::Phase::Playing);

        table.play(table.second(), "1");
        table.play(table.first(), "9");
        REQUIRE(first.propose(Proposal::Draw));
        REQUIRE(table.run([&] { return second.partnerProposal().has_value(); }));
        table.play(table.second(), "3"); // moving on instead of answering
        CHECK_FALSE(second.partnerProposal());
        CHECK_FALSE(first.localProposal());
        CHECK_FALSE(second.answer(true));
        CHECK(second.notice() == "no proposal waits for your answer");
        CHECK(first.phase() == engine::Phase::Playing);
    }

    SECTION("a takeback, granted, undoes the asker's last move on both boards")
    {
        table.play(table.first(), "5");
        const std::string afterFirst = positionOf(table.first());
        table.play(table.second(), "1");
        CHECK_FALSE(first.propose(Proposal::Takeback)); // our turn: the last move is the partner's
        REQUIRE(second.propose(Proposal::Takeback));
        REQUIRE(table.run([&] { return first.partnerProposal() == Proposal::Takeback; }));
        REQUIRE(first.answer(true));
        REQUIRE(table.run([&] { return positionOf(table.second()) == afterFirst; }));
        CHECK(positionOf(table.first()) == afterFirst);
        CHECK(second.isLocalTurn()); // its move to make again
        CHECK_FALSE(first.isLocalTurn());
        table.play(table.second(), "3");
        CHECK(positionOf(table.first()) == afterFirst + "3");
    }

    SECTION("a refused takeback leaves the move")
    {
        table.play(table.first(), "5");
        REQUIRE(first.propose(Proposal::Takeback));
        REQUIRE(table.run([&] { return second.partnerProposal().has_value(); }));
        REQUIRE(second.answer(false));
        REQUIRE(table.run([&] { return !first.localProposal(); }));
        CHECK(positionOf(table.first()) == "5");
        CHECK(positionOf(table.second()) == "5");
    }
}

TEST_CASE("Bots answer proposals: takebacks at the easy level only, draws when their search sees no win")
{
    mqtt::LoopbackBroker broker;
    const engine::TurnGame<tictactoe::Board> game{tictactoe::text()};
    mqtt::EventQueue queue;

    // A person and a bot of `level` in one room; the bot's moves wait long enough that a proposal
    // made right after the person's move reaches it first.
    const auto play = [&](int level, auto check)
    {
        engine::MatchSettings botSettings = engine::botSeat(broker.host(), broker.port(), "bots", "bot", level, 1);
        botSettings.botPace = 2s;
        engine::Match person(game, queue, engine::personSeat(broker.host(), broker.port(), "bots", "ann"));
        engine::Match bot(game, queue, botSettings);
        person.connect();
        bot.connect();
        const auto run = [&](auto done) { return testsupport::runUntil(queue, person, bot, done, 20s); };
        REQUIRE(run([&] { return Table::playing(person) && Table::playing(bot); }));
        check(person, bot, run);
    };
    // The person moves at `cell` once it is its turn, seen by both.
    const auto move = [](engine::Match& person, engine::Match& bot, auto& run, const std::string& cell)
    {
        REQUIRE(run([&] { return person.session().isLocalTurn(); }));
        REQUIRE(person.session().act(engine::Action(cell)));
        REQUIRE(run([&] { return positionOf(bot) == positionOf(person); }));
    };

    SECTION("the easy bot grants a takeback")
    {
        play(0, [&](engine::Match& person, engine::Match& bot, auto& run)
        {
            REQUIRE(run([&] { return person.session().isLocalTurn(); }));
            const std::string before = positionOf(person);
            const std::string cell = before.find('5') == std::string::npos ? "5" : "1";
            move(person, bot, run, cell);
            REQUIRE(person.session().propose(Proposal::Takeback));
            REQUIRE(run([&] { return positionOf(person) == before && positionOf(bot) == before; }));
            CHECK(person.session().isLocalTurn());
        });
    }

    SECTION("a harder bot declines a takeback")
    {
        play(1, [&](engine::Match& person, engine::Match& bot, auto& run)
        {
            REQUIRE(run([&] { return person.session().isLocalTurn(); }));
            const std::string cell = positionOf(person).find('5') == std::string::npos ? "5" : "1";
            move(person, bot, run, cell);
            REQUIRE(person.session().propose(Proposal::Takeback));
            REQUIRE(run([&] { return !person.session().localProposal(); }));
            CHECK(person.session().notice() == "bot declines a takeback");
        });
    }

    SECTION("the hard bot, seeing no win at the start, accepts a draw")
    {
        play(2, [&](engine::Match& person, engine::Match& bot, auto& run)
        {
            REQUIRE(run([&] { return person.session().isLocalTurn(); }));
            const std::string cell = positionOf(person).find('5') == std::string::npos ? "5" : "1";
            move(person, bot, run, cell);
            REQUIRE(person.session().propose(Proposal::Draw));
            REQUIRE(run([&] { return person.session().phase() == engine::Phase::RoundOver; }));
            CHECK(person.session().outcome() == engine::Outcome::Draw);
            CHECK(bot.session().resultText() == "Draw agreed");
        });
    }

    SECTION("a bot with a win in sight declines a draw")
    {
        play(0, [&](engine::Match& person, engine::Match& bot, auto& run)
        {
            // Both load a position where the person's next move leaves the bot a win at 7:
            // the person X (1, 4; O 5, 3) playing 2, or the person O (X 1, 4, 6; O 5, 9) playing 3.
            const bool personStarts = person.session().localStarts();
            const std::string position = personStarts ? "1543" : "15496";
            std::string error;
            REQUIRE(person.session().load(position, error));
            REQUIRE(bot.session().load(position, error));
            move(person, bot, run, personStarts ? "2" : "3");
            REQUIRE(person.session().propose(Proposal::Draw));
            REQUIRE(run([&] { return !person.session().localProposal(); }));
            CHECK(person.session().notice() == "bot declines a draw");
            CHECK(person.session().phase() == engine::Phase::Playing);
        });
    }
}
