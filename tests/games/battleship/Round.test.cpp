#include <catch2/catch.hpp>

#include <random>

#include "TwoRounds.hpp"

using namespace battleshiptest;
using engine::Outcome;

TEST_CASE("battleship::Round")
{
    Table table;
    std::string error;

    SECTION("both place at once and send only a commitment to their fleet")
    {
        CHECK(table.red.turn() == Turn::Both);
        CHECK(table.teal.turn() == Turn::Both);
        CHECK(table.red.protocol().stage() == Stage::Placing);
        REQUIRE(table.red.act("place " + RedFleet, error));
        REQUIRE(table.post.size() == 1);
        const auto& commit = table.post.front();
        CHECK(commit.type == "commit");
        CHECK(commit.body.size() == 1);
        CHECK(commit.body.at("commitment").get<std::string>().size() == 64);
        CHECK(commit.body.dump().find("A1H5") == std::string::npos);
        CHECK(table.red.turn() == Turn::Remote); // the partner still places
        table.deliver();
        CHECK(table.teal.turn() == Turn::Local);
        CHECK(table.teal.protocol().partnerHasPlaced());

        REQUIRE(table.teal.act("random", error));
        table.deliver();
        CHECK(table.refusals.empty());
        CHECK(table.red.protocol().stage() == Stage::Shooting);
        CHECK(table.teal.protocol().stage() == Stage::Shooting);
        CHECK(table.red.turn() == Turn::Local); // the starter shoots first
        CHECK(table.teal.turn() == Turn::Remote);
        CHECK(table.red.protocol().partnerCommitment() == table.teal.protocol().commitment());
        CHECK(table.teal.protocol().partnerCommitment() == table.red.protocol().commitment());
    }

    SECTION("placement notation: bad fleets and a second placement are refused")
    {
        CHECK_FALSE(table.red.act("place A1H5,C3V4,E5H3,G7V3", error));
        CHECK_THAT(error, Catch::Contains("lengths"));
        CHECK_FALSE(table.red.act("place A1H5,A1V4,E5H3,G7V3,J1V2", error));
        CHECK_THAT(error, Catch::Contains("overlap"));
        CHECK_FALSE(table.red.act("B7", error)); // no shot before placing
        CHECK_THAT(error, Catch::Contains("place"));
        CHECK_FALSE(table.red.act("random please", error));
        CHECK(table.post.empty());
        REQUIRE(table.red.act("  PLACE  " + RedFleet + " ", error));
        CHECK_FALSE(table.red.act("random", error));
        CHECK_THAT(error, Catch::Contains("already"));
        CHECK(table.red.protocol().ownSea()->fleet() == *Fleet::parse(RedFleet));
    }

    SECTION("shots alternate and each is answered; the first to sink the whole fleet wins; both verify")
    {
        table.placeBoth();
        table.fire({1, 1}); // red hits B2
        REQUIRE(table.red.protocol().answersReceived().size() == 1);
        CHECK(table.red.protocol().answersReceived()[0].answer.outcome == battleship::ShotOutcome::Hit);
        CHECK(table.red.turn() == Turn::Remote);
        table.fire({9, 9}); // teal misses J10
        CHECK(table.teal.protocol().answersReceived()[0].answer.outcome == battleship::ShotOutcome::Miss);
        CHECK(table.red.protocol().lastIncoming() == Coord{9, 9});

        auto redShots = cellsOf(TealFleet);
        redShots.erase(std::ranges::find(redShots, Coord{1, 1}));
        auto tealShots = waterOf(RedFleet);
        tealShots.erase(std::ranges::find(tealShots, Coord{9, 9}));
        table.playOut(redShots, tealShots);
        INFO(table.red.boardText() << table.teal.boardText());
        CHECK(table.refusals.empty());

        CHECK(table.red.protocol().localSankAll());
        CHECK(table.teal.protocol().partnerSankAll());
        CHECK(table.red.protocol().targetSea().shipsSunk() == 5);
        const auto& sunk = table.red.protocol().targetSea().sunkShips();
        const Fleet teal = *Fleet::parse(TealFleet);
        for (const auto& ship : teal.ships())
            CHECK(std::ranges::find(sunk, ship) != sunk.end());

        CHECK(table.red.protocol().stage() == Stage::Over);
        CHECK(table.teal.protocol().stage() == Stage::Over);
        CHECK(table.red.outcome() == Outcome::Won);
        CHECK(table.teal.outcome() == Outcome::Lost);
        CHECK(table.red.turn() == Turn::None);
        REQUIRE(table.red.protocol().verdict());
        REQUIRE(table.teal.protocol().verdict());
        CHECK(table.red.protocol().verdict()->verified());
        CHECK(table.teal.protocol().verdict()->verified());
        CHECK_THAT(table.red.verificationText(), Catch::StartsWith("Fleet verified"));
        CHECK_THAT(table.teal.resultText(), Catch::Contains("verified"));
        CHECK(table.red.protocol().revealedFleet() == table.teal.protocol().ownSea()->fleet());
        CHECK(table.teal.protocol().revealedFleet() == table.red.protocol().ownSea()->fleet());
        CHECK(table.red.protocol().targetSea().shotsFired() == table.teal.protocol().shotsReceived());
        CHECK(table.red.protocol().shotsReceived() == table.teal.protocol().targetSea().shotsFired());
    }

    SECTION("the round stays undecided until the partner's reveal has been checked")
    {
        table.placeBoth();
        // The last shot's answer is delivered, the loser's reveal held back.
        table.tamper = [](Table::Letter& letter) { return !(letter.type == "reveal" && letter.toRed); };
        table.playOut(cellsOf(TealFleet), waterOf(RedFleet));
        CHECK(table.red.protocol().stage() == Stage::Revealing);
        CHECK(table.red.outcome() == Outcome::Undecided);
        CHECK(table.red.turn() == Turn::None);
        CHECK(table.teal.protocol().stage() == Stage::Over); // red's reveal got through
        CHECK_THAT(table.red.verificationText(), Catch::Contains("Waiting"));
        CHECK_FALSE(table.red.act("J10", error));
        CHECK_THAT(error, Catch::Contains("over"));
    }

    SECTION("waiting for the reveal is a settle phase; when it times out the side that withheld it forfeits, even a winner by shots")
    {
        table.placeBoth();
        table.tamper = [](Table::Letter& letter) { return !(letter.type == "reveal" && letter.toRed); };
        table.playOut(waterOf(TealFleet), cellsOf(RedFleet)); // teal sinks red and keeps its fleet to itself
        CHECK(table.red.protocol().partnerSankAll());
        CHECK_FALSE(table.red.protocol().localSankAll());
        CHECK(table.red.isSettling());
        CHECK_FALSE(table.teal.isSettling());
        CHECK(table.red.statusText() == "Verifying the partner's fleet\xE2\x80\xA6");
        CHECK_FALSE(table.red.isForfeit());

        table.red.settleTimedOut();
        CHECK_FALSE(table.red.isSettling());
        CHECK(table.red.protocol().stage() == Stage::Over);
        CHECK(table.red.protocol().revealWithheld());
        CHECK(table.red.outcome() == Outcome::Won);
        CHECK(table.red.isForfeit());
        CHECK(table.red.turn() == Turn::None);
        CHECK(table.red.lastEventText() == "partner did not reveal their fleet in time: it forfeits the round");
        CHECK(table.red.resultText() == "Partner forfeits: it did not reveal its fleet in time");
        CHECK_THAT(table.red.verificationText(), Catch::StartsWith("Forfeit"));
        CHECK(table.red.statusText().empty());
    }

    SECTION("a settle timeout outside the wait for a reveal changes nothing")
    {
        CHECK(table.red.statusText() == "Placing fleet");
        table.red.settleTimedOut();
        CHECK(table.red.protocol().stage() == Stage::Placing);
        CHECK_FALSE(table.red.protocol().revealWithheld());
        REQUIRE(table.red.act("place " + RedFleet, error));
        CHECK(table.red.statusText() == "Partner placing fleet");
        REQUIRE(table.teal.act("place " + TealFleet, error));
        table.deliver();
        table.red.settleTimedOut();
        CHECK(table.red.protocol().stage() == Stage::Shooting);
        CHECK(table.red.statusText().empty());
    }

    SECTION("bots place a fleet and then shoot only cells not shot yet")
    {
        engine::BotControl control{std::chrono::steady_clock::now() + std::chrono::seconds(1), nullptr};
        for (int level = 0; level < 3; ++level)
        {
            Table bots;
            const std::string redPlacement = std::get<std::string>(bots.red.botJob(level)(control));
            CHECK_THAT(redPlacement, Catch::StartsWith("place "));
            REQUIRE(bots.red.act(redPlacement, error));
            REQUIRE(bots.teal.perform(bots.teal.botJob(level)(control), error));
            bots.deliver();
            for (int shot = 0; shot < 400 && bots.red.protocol().stage() == Stage::Shooting; ++shot)
            {
                testing::WiredRound<Round>& shooter = bots.red.turn() == Turn::Local ? bots.red : bots.teal;
                const std::string cell = std::get<std::string>(shooter.botJob(level)(control));
                INFO("level " << level << " shot " << cell);
                REQUIRE(shooter.act(cell, error));
                bots.deliver();
            }
            CHECK(bots.refusals.empty());
            CHECK(bots.red.protocol().stage() == Stage::Over);
            CHECK(bots.red.protocol().verdict()->verified());
            CHECK(bots.teal.protocol().verdict()->verified());
            CHECK(bots.red.outcome() != bots.teal.outcome());
        }
    }

    SECTION("load: a seed, shots, and bots to the end")
    {
        testing::WiredRound<Round> round({}, true);
        REQUIRE(round.load("7", error));
        CHECK(round.protocol().stage() == Stage::Shooting);
        CHECK(round.turn() == Turn::Local);
        std::mt19937_64 random(7);
        CHECK(round.protocol().ownSea()->fleet() == Fleet::random(random));

        REQUIRE(round.load("7 A1 J10 B1", error));
        CHECK(round.protocol().answersReceived().size() == 2);
        CHECK(round.protocol().shotsReceived() == 1);
        CHECK(round.protocol().lastIncoming() == Coord{9, 9});

        REQUIRE(round.load("7 auto end", error));
        CHECK(round.protocol().stage() == Stage::Over);
        CHECK(round.protocol().verdict()->verified());
        CHECK(round.outcome() != Outcome::Undecided);
        CHECK(round.lastEventText().empty());

        const std::string before = snapshot(round);
        for (const char* bad : {"x", "7 A1 B1 A1", "7 K3", "7 auto", "7 auto lots", "7 auto end B2", "-1"})
        {
            INFO(bad);
            error.clear();
            CHECK_FALSE(round.load(bad, error));
            CHECK_FALSE(error.empty());
            CHECK(snapshot(round) == before);
        }
        REQUIRE(round.load("new", error));
        CHECK(round.protocol().stage() == Stage::Placing);
        REQUIRE(round.load("7", error));
        REQUIRE(round.load("", error));
        CHECK(round.protocol().stage() == Stage::Placing);
        CHECK(round.turn() == Turn::Both);
    }

    SECTION("the terminal shows both seas, and the notation fits the stage")
    {
        CHECK_THAT(table.red.notationHelp(), Catch::Contains("random"));
        table.placeBoth();
        table.fire({0, 0});
        table.fire({9, 9});
        const std::string text = table.red.boardText();
        INFO(text);
        CHECK_THAT(text, Catch::Contains("Your fleet") && Catch::Contains("Enemy waters"));
        CHECK_THAT(text, Catch::Contains(" 1 5 5 5 5 5 . . . . 2   1 o . . . . . . . . .\n"));
        CHECK_THAT(text, Catch::Contains("10 . . . . . . . . . o  10 . . . . . . . . . .\n"));
        CHECK_THAT(table.red.notationHelp(), Catch::Contains("A1-J10"));
        CHECK(table.red.lastEventText() == "partner fires at J10: miss");
    }
}
