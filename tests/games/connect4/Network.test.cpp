#include <catch2/catch.hpp>

#include <chrono>

#include <mqttgames/connect4/Game.hpp>
#include <mqttgames/connect4/Round.hpp>
#include <mqttgames/engine/Match.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>

using namespace std::chrono_literals;

namespace
{

// Drains the shared queue and updates both seats until `done` holds or the deadline passes.
template <typename Predicate>
bool runUntil(const mqtt::EventQueue& queue, engine::Match& a, engine::Match& b, Predicate done, std::chrono::seconds timeout = 90s)
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

const connect4::Board& boardOf(const engine::Match& match)
{
    return static_cast<const connect4::Round&>(*match.session().round()).board();
}

engine::Outcome mirrored(engine::Outcome outcome)
{
    return outcome == engine::Outcome::Won ? engine::Outcome::Lost : outcome == engine::Outcome::Lost ? engine::Outcome::Won : outcome;
}

engine::MatchSettings seat(const mqtt::LoopbackBroker& broker, const std::string& name, int level, int games)
{
    engine::MatchSettings settings;
    settings.host = broker.host();
    settings.port = broker.port();
    settings.room = "bots";
    settings.name = name;
    settings.botLevel = level;
    settings.botBudget = 150ms;
    settings.rematch = engine::MatchSettings::Rematch::Always;
    settings.games = games;
    return settings;
}

} // namespace

TEST_CASE("connect4 over a broker")
{
    mqtt::LoopbackBroker broker;
    const connect4::Game game;
    mqtt::EventQueue queue;
    constexpr int Games = 3;

    SECTION("two bots play whole games through the broker and agree on every board and result")
    {
        engine::Match easy(game, queue, seat(broker, "easy", 0, Games));
        engine::Match hard(game, queue, seat(broker, "hard", 2, Games));
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
                INFO("round " << a.roundNumber() << "\n" << boardOf(easy) << "vs\n" << boardOf(hard));
                CHECK(boardOf(easy) == boardOf(hard));
                CHECK(boardOf(easy).isOver());
                CHECK(boardOf(hard).isOver());
                CHECK(a.round()->resultText() == b.round()->resultText());
                CHECK_FALSE(a.round()->resultText().empty());
                CHECK(a.round()->outcome() == mirrored(b.round()->outcome()));
                CHECK(a.localStarts() != b.localStarts());
                checkedRounds = a.roundNumber();
            }
            return a.roundsFinished() >= Games && b.roundsFinished() >= Games && checkedRounds >= Games;
        }));

        const auto& a = easy.session();
        const auto& b = hard.session();
        CHECK(a.wins() == b.losses());
        CHECK(a.losses() == b.wins());
        CHECK(a.draws() == b.draws());
        CHECK(b.wins() == Games); // a random mover does not get past a searching one
        CHECK(a.partnerName() == "hard");
        CHECK(b.partnerName() == "easy");
        CHECK(a.notice().empty());
        CHECK(b.notice().empty());
    }
}
