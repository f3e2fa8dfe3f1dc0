#include <catch2/catch.hpp>

#include <chrono>

#include <mqttgames/battleship/RoundGame.hpp>
#include <mqttgames/battleship/Round.hpp>
#include <mqttgames/engine/Match.hpp>
#include <mqttgames/testing/TwoSeats.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>

using namespace std::chrono_literals;

namespace
{

// Battleship as a partner plays it who never reveals its fleet at the end: every other message of
// the real round goes out as usual.
class WithholdingRound : public battleship::Round
{
public:
    using Round::Round;
    engine::Reply act(std::string_view action) override { return withhold(Round::act(action)); }
    engine::Reply receive(const std::string& type, const nlohmann::json& body) override { return withhold(Round::receive(type, body)); }

private:
    static engine::Reply withhold(engine::Reply reply)
    {
        std::erase_if(reply.send, [](const engine::Message& message) { return message.type == "reveal"; });
        return reply;
    }
};

class WithholdingGame : public engine::Game
{
public:
    const engine::GameInfo& info() const override { return m_game.info(); }
    std::unique_ptr<engine::Round> newRound(const engine::RoundSetup& setup) const override
    {
        return std::make_unique<WithholdingRound>(setup.localStarts);
    }
private:
    battleship::RoundGame m_game;
};

const battleship::Round& roundOf(const engine::Match& match)
{
    return static_cast<const battleship::Round&>(*match.session().round());
}

engine::MatchSettings seat(const mqtt::LoopbackBroker& broker, const std::string& name)
{
    engine::MatchSettings settings = engine::personSeat(broker.host(), broker.port(), "withheld", name);
    settings.botLevel = 2;
    settings.botBudget = 200ms;
    return settings;
}

} // namespace

TEST_CASE("battleship: a partner that withholds its reveal")
{
    mqtt::LoopbackBroker broker;
    const battleship::RoundGame honest;
    const WithholdingGame withholding;
    mqtt::EventQueue queue;
    engine::Match alice(honest, queue, seat(broker, "alice"));
    engine::Match bob(withholding, queue, seat(broker, "bob"));
    // Alice's timers follow a clock the test can move on, so the settle timeout needs no real wait.
    std::chrono::steady_clock::duration ahead{};
    alice.session().setClock([&ahead] { return std::chrono::steady_clock::now() + ahead; });
    alice.connect();
    bob.connect();

    SECTION("is waited for a bounded time, then the round is its partner's by forfeit; its partner verified ours")
    {
        const auto deadlineSeen = [&] { return std::chrono::steady_clock::now() + ahead; };
        REQUIRE(engine::runSeats(queue, alice, bob, [&]
        {
            const auto* round = alice.session().round();
            return round && round->isSettling() && bob.session().phase() == engine::Phase::RoundOver;
        }, 90s));
        const battleship::Round& ours = roundOf(alice);
        CHECK(ours.protocol().stage() == battleship::Stage::Revealing);
        CHECK(alice.session().phase() == engine::Phase::Playing);
        CHECK(ours.statusText() == "Verifying the partner's fleet\xE2\x80\xA6");
        // The wait is the round's settle timeout, counted from when the round began to settle: at
        // most that long from now, and not much less (the bots got here within a few seconds).
        REQUIRE(alice.session().settleDeadline());
        const auto left = *alice.session().settleDeadline() - deadlineSeen();
        CHECK(left <= ours.settleTimeout());
        CHECK(left >= ours.settleTimeout() - 10s);
        // Bob is honest about what it received: alice's reveal reached it and checked out.
        const battleship::Round& theirs = roundOf(bob);
        REQUIRE(theirs.protocol().verdict());
        CHECK(theirs.protocol().verdict()->verified());

        // Not yet: the round still waits.
        CHECK_FALSE(engine::runSeats(queue, alice, bob, [&] { return alice.session().phase() == engine::Phase::RoundOver; }, 1s));

        ahead = ours.settleTimeout() + 1s;
        REQUIRE(engine::runSeats(queue, alice, bob, [&] { return alice.session().phase() == engine::Phase::RoundOver; }, 10s));
        CHECK(ours.protocol().stage() == battleship::Stage::Over);
        CHECK(ours.protocol().revealWithheld());
        CHECK_FALSE(ours.protocol().verdict());
        CHECK_FALSE(ours.isSettling());
        CHECK(ours.resultText() == "Partner forfeits: it did not reveal its fleet in time");
        CHECK_THAT(ours.verificationText(), Catch::StartsWith("Forfeit"));
        // Alice wins whatever the shots said; the score says it was by forfeit.
        CHECK(ours.outcome() == engine::Outcome::Won);
        CHECK(alice.session().roundsFinished() == 1);
        CHECK(alice.session().wins() == 1);
        CHECK(alice.session().winsByForfeit() == 1);
        CHECK_THAT(alice.session().scoreText(" | "), Catch::StartsWith("You 1 (1 by forfeit) | "));
        // Both sides saw the same shots: what alice sank is what bob lost, and the other way round.
        CHECK(ours.protocol().localSankAll() == theirs.protocol().partnerSankAll());
        CHECK(ours.protocol().partnerSankAll() == theirs.protocol().localSankAll());
    }
}
