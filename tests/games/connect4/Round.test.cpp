#include <catch2/catch.hpp>

#include <chrono>
#include <vector>

#include <mqttgames/connect4/Rules.hpp>
#include <mqttgames/engine/TurnRound.hpp>
#include <mqttgames/testing/WiredRound.hpp>

using connect4::Board;

namespace
{

const engine::TurnGameText Text = connect4::text();

// The round the engine derives from connect4::Rules, with the game's own bot.
struct Round : testing::WiredRound<engine::TurnRound<connect4::Rules>>
{
    Round(bool localStarts, testing::Outbox outbox) : WiredRound(std::move(outbox), Text, connect4::chooseMove, localStarts) {}
    const Board& board() const { return state().board; }
    /// The column played last since the position was set, or -1.
    int lastColumn() const { return history().empty() ? -1 : history().back().column; }
};

struct Sent
{
    std::string type;
    nlohmann::json body;
};

// A round whose outgoing messages are kept for inspection.
struct Recorder
{
    std::vector<Sent> sent;
    testing::Outbox outbox() { return [this](const std::string& type, nlohmann::json body) { sent.push_back({type, std::move(body)}); }; }
};

} // namespace

TEST_CASE("a round of Connect Four, as the engine derives it")
{
    Recorder recorder;
    std::string error;

    SECTION("the starter plays Red and acts by column number; the move goes out as JSON")
    {
        Round round(true, recorder.outbox());
        CHECK(round.localSide() == "Red");
        CHECK(round.remoteSide() == "Teal");
        CHECK(round.turn() == engine::Turn::Local);
        REQUIRE(round.act(" 4 ", error));
        CHECK(round.board() == Board("4"));
        CHECK(round.lastColumn() == 3);
        CHECK(round.lastEventText() == "Red plays 4");
        CHECK(round.turn() == engine::Turn::Remote);
        REQUIRE(recorder.sent.size() == 1);
        CHECK(recorder.sent[0].type == "move");
        CHECK(recorder.sent[0].body == nlohmann::json{{"column", 4}});
    }

    SECTION("illegal or mistyped actions are refused with a reason, the board unchanged, nothing sent")
    {
        Round round(false, recorder.outbox());
        REQUIRE(round.load("1111141", error)); // column 1 is full, Teal (us) to move
        const Board before = round.board();
        for (const char* action : {"1", "0", "8", "x", "", "44", "-3"})
        {
            INFO(action);
            error.clear();
            CHECK_FALSE(round.act(action, error));
            CHECK_FALSE(error.empty());
            CHECK(round.board() == before);
        }
        CHECK_FALSE(round.act("1", error));
        CHECK_THAT(error, Catch::Contains("not allowed"));
        CHECK(recorder.sent.empty());

        Round notOurs(false, recorder.outbox());
        CHECK_FALSE(notOurs.act("4", error));
        CHECK_THAT(error, Catch::Contains("not your turn"));
        CHECK(notOurs.board() == Board());
        CHECK(recorder.sent.empty());
    }

    SECTION("a legal move received is applied; anything else is refused and changes nothing")
    {
        Round round(false, recorder.outbox());
        REQUIRE(round.receive("move", {{"column", 4}}, error));
        CHECK(round.board() == Board("4"));
        CHECK(round.lastEventText() == "Red plays 4");
        CHECK(round.turn() == engine::Turn::Local);

        const Board before = round.board();
        CHECK_FALSE(round.receive("move", {{"column", 5}}, error));
        CHECK_THAT(error, Catch::Contains("not the partner's turn"));
        CHECK_FALSE(round.receive("shot", {{"column", 5}}, error));
        CHECK_FALSE(round.receive("move", {{"column", "5"}}, error));
        CHECK_FALSE(round.receive("move", nlohmann::json::array(), error));
        CHECK(round.board() == before);
        CHECK(recorder.sent.empty());
    }

    SECTION("four in a row ends the round for both sides alike")
    {
        Round red(true, {});
        Round teal(false, {});
        for (const char move : std::string("4455667"))
        {
            Round& mover = red.turn() == engine::Turn::Local ? red : teal;
            Round& other = &mover == &red ? teal : red;
            REQUIRE(mover.act(std::string(1, move), error));
            REQUIRE(other.receive("move", nlohmann::json(connect4::Move{move - '1'}), error));
        }
        CHECK(red.outcome() == engine::Outcome::Won);
        CHECK(teal.outcome() == engine::Outcome::Lost);
        CHECK(red.resultText() == "Red wins");
        CHECK(teal.resultText() == "Red wins");
        CHECK(red.turn() == engine::Turn::None);
        CHECK_FALSE(teal.act("1", error));
        CHECK_THAT(error, Catch::Contains("over"));
    }

    SECTION("load takes a move string; a bad one is refused and the position kept")
    {
        Round round(true, recorder.outbox());
        REQUIRE(round.load("4453", error));
        CHECK(round.board() == Board("4453"));
        CHECK(round.lastColumn() == -1); // a set position has no move of this round yet
        CHECK_FALSE(round.load("44x", error));
        CHECK_FALSE(error.empty());
        CHECK_FALSE(round.load("11111111", error));
        CHECK(round.board() == Board("4453"));
        REQUIRE(round.load("", error));
        CHECK(round.lastColumn() == -1);
        CHECK(round.lastEventText().empty());
        CHECK(recorder.sent.empty());
    }

    SECTION("the terminal board names the columns and the sides")
    {
        Round round(false, {});
        REQUIRE(round.load("4453", error));
        const std::string text = round.boardText();
        INFO(text);
        CHECK(text.find("| . . . . . . . |\n") == 0);
        CHECK(text.find("| . . . O . . . |\n| . . O X X . . |\n+---------------+\n  1 2 3 4 5 6 7\n") != std::string::npos);
        CHECK(text.find("X Red, O Teal\n") != std::string::npos);
        CHECK(text.back() == '\n');
        CHECK(round.notationHelp().find("1-7") != std::string::npos);
    }

    SECTION("every bot level answers a legal column in time; each takes a win in one")
    {
        using namespace std::chrono;
        Round round(true, {});
        for (int level = 0; level < 3; ++level)
        {
            INFO("level " << level);
            REQUIRE(round.load("445566", error)); // Red to move wins with 3 or 7
            const engine::BotControl control{steady_clock::now() + seconds(5)};
            const auto start = steady_clock::now();
            const engine::Action action = round.botJob(level)(control);
            CHECK(steady_clock::now() - start < milliseconds(900));
            // The bot's move comes as a step on the round, judged there like any local move.
            REQUIRE(round.perform(action, error));
            CHECK((round.lastColumn() == 2 || round.lastColumn() == 6));
            CHECK(round.isOver());
        }
        REQUIRE(round.load("1212121", error));
        CHECK(std::get<std::string>(round.botJob(2)({steady_clock::now() + seconds(1)})).empty());
    }
}
