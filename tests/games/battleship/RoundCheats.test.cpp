#include <catch2/catch.hpp>

#include <mqttgames/battleship/Codec.hpp>
#include <mqttgames/battleship/Commitment.hpp>

#include "TwoRounds.hpp"

using namespace battleshiptest;
using engine::Outcome;

TEST_CASE("battleship::Round: refusals and cheats")
{
    Table table;
    std::string error;

    SECTION("out of turn, a cell shot twice, a result never asked for, a reveal before the end: refused, unchanged")
    {
        table.placeBoth();
        CHECK_FALSE(table.teal.act("A1", error)); // red starts
        CHECK_THAT(error, Catch::Contains("not your turn"));
        table.fire({4, 4});
        table.fire({0, 0});

        const std::string redBefore = snapshot(table.red);
        const std::string tealBefore = snapshot(table.teal);
        const std::pair<std::string, nlohmann::json> refused[] = {
            {"shot", battleship::encodeShot({1, 1})},                  // teal just shot: red's turn
            {"result", {{"cell", "B2"}, {"outcome", "miss"}}},          // red fired nothing
            {"reveal", {{"fleet", RedFleet}, {"salt", "00"}}},          // nobody has won
            {"commit", battleship::encodeCommit(std::string(64, 'a'))}, // committed already
            {"warp", nlohmann::json::object()},
        };
        for (const auto& [type, body] : refused)
        {
            INFO(type << " " << body.dump());
            error.clear();
            CHECK_FALSE(table.red.receive(type, body, error));
            CHECK_FALSE(error.empty());
            CHECK(snapshot(table.red) == redBefore);
        }
        CHECK_FALSE(table.red.receive("result", {{"cell", "B2"}, {"outcome", "miss"}}, error));
        CHECK_THAT(error, Catch::Contains("never fired"));
        CHECK_FALSE(table.red.receive("reveal", {{"fleet", RedFleet}, {"salt", "00"}}, error));
        CHECK_THAT(error, Catch::Contains("before the end"));

        // Red may not shoot E5 again; a result must answer the shot in flight, and fit what is known.
        CHECK_FALSE(table.red.act("E5", error));
        CHECK_THAT(error, Catch::Contains("already shot"));
        REQUIRE(table.red.act("B2", error)); // held in the post: red waits for its answer
        CHECK(table.red.turn() == Turn::None);
        CHECK_FALSE(table.red.act("C2", error));
        CHECK_THAT(error, Catch::Contains("waiting"));
        const std::string waiting = snapshot(table.red);
        CHECK_FALSE(table.red.receive("result", {{"cell", "C2"}, {"outcome", "miss"}}, error));
        CHECK_THAT(error, Catch::Contains("the shot was at B2"));
        CHECK_FALSE(table.red.receive("result", {{"cell", "B2"}, {"outcome", "sunk"}, {"ship", "B2H2"}}, error));
        CHECK_THAT(error, Catch::Contains("never hit"));
        CHECK(snapshot(table.red) == waiting);
        CHECK(snapshot(table.teal) == tealBefore);
        table.deliver();
        CHECK(table.refusals.empty());
        CHECK(table.red.protocol().answersReceived().back().answer.outcome == battleship::ShotOutcome::Hit);

        // Teal's turn: a shot from red now is out of turn; teal may not repeat A1, nor send it again.
        CHECK_FALSE(table.teal.receive("shot", battleship::encodeShot({5, 5}), error));
        CHECK_THAT(error, Catch::Contains("out of turn"));
        CHECK_FALSE(table.teal.act("A1", error));
        CHECK_THAT(error, Catch::Contains("already shot"));
        const std::string beforeRepeat = snapshot(table.red);
        CHECK_FALSE(table.red.receive("shot", battleship::encodeShot({0, 0}), error));
        CHECK_THAT(error, Catch::Contains("A1 was already shot"));
        CHECK(snapshot(table.red) == beforeRepeat);
    }

    SECTION("a side that answers Miss on a hit is caught by its reveal and named")
    {
        table.placeBoth();
        // Teal lies once: red's shot at B2 hits teal's 5-ship, teal says miss.
        table.tamper = [](Table::Letter& letter)
        {
            if (letter.toRed && letter.type == "result" && letter.body.at("cell") == "B2")
                letter.body["outcome"] = "miss";
            return true;
        };
        auto redShots = waterOf(TealFleet);
        redShots.insert(redShots.begin(), Coord{1, 1});
        table.playOut(redShots, cellsOf(RedFleet));
        CHECK(table.refusals.empty());
        CHECK(table.teal.protocol().localSankAll());
        REQUIRE(table.red.protocol().verdict());
        CHECK(table.red.protocol().verdict()->cheat == battleship::Cheat::FalseMiss);
        CHECK_THAT(table.red.verificationText(), Catch::Contains("answered Miss at B2"));
        CHECK_THAT(table.red.resultText(), Catch::StartsWith("Partner cheated"));
        CHECK(table.red.outcome() == Outcome::Won); // the cheat forfeits, though it sank red's fleet
        CHECK(table.red.isForfeit());
        CHECK(table.teal.protocol().verdict()->verified());
        CHECK_FALSE(table.teal.isForfeit());
    }

    SECTION("a side that reveals another fleet than it committed to is caught")
    {
        table.placeBoth();
        table.tamper = [](Table::Letter& letter)
        {
            if (letter.toRed && letter.type == "reveal")
                letter.body["fleet"] = "A1H5,A2H4,A3H3,A4H3,A5H2";
            return true;
        };
        table.playOut(cellsOf(TealFleet), waterOf(RedFleet));
        REQUIRE(table.red.protocol().verdict());
        CHECK(table.red.protocol().verdict()->cheat == battleship::Cheat::CommitmentMismatch);
        CHECK_THAT(table.red.verificationText(), Catch::Contains("commitment does not match"));
        CHECK_FALSE(table.red.protocol().revealedFleet());
        CHECK(table.red.outcome() == Outcome::Won);
        CHECK(table.red.isForfeit());
    }
}
