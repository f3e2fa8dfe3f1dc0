#include <catch2/catch.hpp>

#include <vector>

#include <mqttgames/connect4/Rules.hpp>
#include <mqttgames/engine/TurnGame.hpp>
#include <mqttgames/engine/Match.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>

#include "support/NetworkMatch.hpp"

using namespace std::chrono_literals;
using testsupport::botSeat;

namespace
{

const connect4::Board& boardOf(const engine::Match& match)
{
    return static_cast<const engine::TurnRound<connect4::Rules>&>(*match.session().round()).state().board;
}

engine::Outcome mirrored(engine::Outcome outcome)
{
    return outcome == engine::Outcome::Won ? engine::Outcome::Lost : outcome == engine::Outcome::Lost ? engine::Outcome::Won : outcome;
}

} // namespace

TEST_CASE("connect4 over a broker")
{
    mqtt::LoopbackBroker broker;
    const engine::TurnGame<connect4::Rules> game(connect4::text(), connect4::chooseMove);
    mqtt::EventQueue queue;
    constexpr int Games = 3;

    SECTION("two bots play whole games through the broker and agree on every board and result")
    {
        engine::Match easy(game, queue, botSeat(broker, "easy", "bots", 0, Games, 150ms));
        engine::Match hard(game, queue, botSeat(broker, "hard", "bots", 2, Games, 150ms));
        easy.connect();
        hard.connect();

        const auto& a = easy.session();
        const auto& b = hard.session();
        std::vector<int> checked; // the rounds compared, each once
        REQUIRE(testsupport::playRounds(queue, easy, hard, Games, [&]
        {
            checked.push_back(a.roundNumber());
            INFO("round " << a.roundNumber() << "\n" << boardOf(easy) << "vs\n" << boardOf(hard));
            CHECK(boardOf(easy) == boardOf(hard));
            CHECK(boardOf(easy).isOver());
            CHECK(boardOf(hard).isOver());
            CHECK(a.round()->resultText() == b.round()->resultText());
            CHECK_FALSE(a.round()->resultText().empty());
            CHECK(a.round()->outcome() == mirrored(b.round()->outcome()));
            CHECK(a.localStarts() != b.localStarts());
        }, 90s));

        CHECK(checked == std::vector<int>{1, 2, 3}); // every round, not only those both seats showed over at one frame
        testsupport::checkAgreed(a, b);
        CHECK(b.wins() == Games); // a random mover does not get past a searching one
        CHECK(a.partnerName() == "hard");
    }
}
