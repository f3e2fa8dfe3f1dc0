#include <catch2/catch.hpp>

#include <mqttgames/battleship/PublicRecord.hpp>

#include "TwoRounds.hpp"

// What someone watching a round of Battleship is told: the same by both players, and never a fleet
// before it was revealed.

using namespace battleshiptest;
using battleship::PublicRecord;

namespace
{

std::string publicOf(const Round& round)
{
    return round.publicPosition().value_or("none");
}

// Whether the text names a ship of the fleet (its form "C3V4" appears nowhere else).
bool namesAShipOf(const std::string& text, const std::string& fleet)
{
    const Fleet ships = *Fleet::parse(fleet); // kept: a loop over a temporary's member would outlive it
    for (const auto& ship : ships.ships())
        if (text.find(battleship::toString(ship)) != std::string::npos)
            return true;
    return false;
}

std::string refusal(const std::string& text)
{
    std::string error;
    const auto record = PublicRecord::parse(text, error);
    return record ? "accepted" : error;
}

} // namespace

TEST_CASE("battleship::PublicRecord")
{
    Table table;
    std::string error;

    SECTION("both players tell the same, and no fleet before the end")
    {
        CHECK(publicOf(table.red) == "seen");
        REQUIRE(table.red.act("place " + RedFleet, error));
        CHECK(publicOf(table.red) == "seen ready=red");
        CHECK(publicOf(table.teal) == "seen"); // the commitment has not arrived
        table.deliver();
        CHECK(publicOf(table.teal) == "seen ready=red");
        CHECK(table.teal.publicEventText() == "Red placed its fleet");
        REQUIRE(table.teal.act("place " + TealFleet, error));
        table.deliver();
        CHECK(publicOf(table.red) == "seen ready=red ready=teal");

        REQUIRE(table.red.act("B2", error)); // a hit on Teal's 5-ship, not yet answered
        CHECK(publicOf(table.red) == "seen ready=red ready=teal B2:?");
        CHECK(table.red.publicEventText() == "Red fires at B2");
        table.deliver();
        CHECK(publicOf(table.red) == "seen ready=red ready=teal B2:x");
        CHECK(publicOf(table.teal) == publicOf(table.red));
        CHECK(table.teal.publicEventText() == "Red fires at B2: hit");
        table.fire({9, 9}); // Teal at J10: water
        CHECK(publicOf(table.red) == "seen ready=red ready=teal B2:x J10:o");
        CHECK(publicOf(table.teal) == publicOf(table.red));

        // Red sinks Teal's whole fleet while Teal shoots water: every position along the way is
        // the same on both sides, and none names a ship before it sinks or the fleets are revealed.
        const auto redShots = cellsOf(TealFleet);
        auto tealShots = waterOf(RedFleet);
        std::erase(tealShots, Coord{9, 9});
        std::size_t r = 1; // B2 was fired already (cellsOf lists the 5-ship from B2 first)
        std::size_t t = 0;
        while (table.red.protocol().stage() == Stage::Shooting)
        {
            table.fire(table.red.turn() == Turn::Local ? redShots.at(r++) : tealShots.at(t++));
            const std::string seen = publicOf(table.red);
            CHECK(publicOf(table.teal) == seen);
            if (table.red.protocol().stage() == Stage::Shooting)
            {
                INFO(seen);
                CHECK_FALSE(namesAShipOf(seen, RedFleet));
                CHECK(seen.find("teal=") == std::string::npos);
            }
        }
        const std::string final = publicOf(table.red);
        CHECK(final == publicOf(table.teal));
        CHECK_THAT(final, Catch::EndsWith(" red=" + Fleet::parse(RedFleet)->toText() + " teal=" + Fleet::parse(TealFleet)->toText() +
                                          " won=red"));
        CHECK(table.red.publicResultText() == "Red sank Teal's fleet in 17 shots");
        CHECK(table.teal.publicResultText() == table.red.publicResultText());
        CHECK(table.red.resultText() != table.red.publicResultText()); // the player's own words say "you"
    }

    SECTION("a round loaded from a public position shows the match and plays none")
    {
        table.placeBoth();
        table.playOut(cellsOf(TealFleet), waterOf(RedFleet));
        const std::string final = publicOf(table.teal);

        Round watched(true);
        REQUIRE(watched.load(final, error));
        CHECK(watched.isWatched());
        CHECK(publicOf(watched) == final);
        CHECK(watched.outcome() == engine::Outcome::Won); // Red, the local side of a watched round
        CHECK(watched.resultText() == "Red sank Teal's fleet in 17 shots");
        CHECK(watched.turn() == Turn::None);
        CHECK_THAT(watched.boardText(), Catch::StartsWith("   Red's fleet             Teal's fleet\n"));
        const engine::Reply refused = watched.act("A1");
        CHECK_FALSE(refused.accepted);
        CHECK(refused.reason == "a watched match takes no moves");

        REQUIRE(watched.load("seen ready=red ready=teal B2:x", error));
        CHECK(watched.turn() == Turn::Remote); // Teal shoots next
        CHECK(watched.outcome() == engine::Outcome::Undecided);
        REQUIRE(watched.load("7 auto 4", error)); // back to a played position
        CHECK_FALSE(watched.isWatched());
    }

    SECTION("a public position that no round can have is refused, with the reason")
    {
        const std::string ready = "seen ready=red ready=teal ";
        CHECK(refusal(ready + "B2:x J10:o B3:#B2V2") == "accepted");
        CHECK(refusal("B2:x") == "a watched position starts with \"seen\"");
        CHECK(refusal("seen ready=red B2:x") == "the shot B2:x comes before both fleets are placed");
        CHECK(refusal(ready + "B2:? J10:o") == "the shot J10:o comes while a shot waits for its answer");
        CHECK(refusal(ready + "B2:x J10:o B2:o") == "the shot B2:o: B2 was shot before");
        CHECK(refusal(ready + "B2:#A1H5") == "the shot B2: the sunk ship A1H5 does not cover B2");
        CHECK(refusal(ready + "B2:#B2V2") == "the shot B2: the sunk ship B2V2 was never hit at B3");
        CHECK(refusal(ready + "B2:q") == "\"B2:q\" is not a shot like B5:o, B5:x, B5:#C3V3 or B5:?");
        CHECK(refusal(ready + "K2:o") == "\"K2:o\" is not a shot like B5:o, B5:x, B5:#C3V3 or B5:?");
        CHECK(refusal(ready + "red=" + RedFleet) == "the red fleet is revealed before a fleet was sunk");
        CHECK(refusal(ready + "won=red") == "won=red, but the teal fleet is not sunk");
        CHECK(refusal(ready + "won=red forfeit=withheld") == "won=red before a fleet was sunk");
        CHECK(refusal("seen ready=purple") == "\"ready=purple\" is not ready=, won=, red=, teal= or forfeit= with a fitting value");
        CHECK(refusal("seen ready=red ready=red") == "\"ready=red\" comes twice, or after a shot");
        CHECK(refusal("seen hello") == "\"hello\" is neither a shot like B5:o nor a word like ready=red");

        // At the end: a revealed fleet must fit every answer given from it.
        table.placeBoth();
        table.playOut(cellsOf(TealFleet), waterOf(RedFleet));
        const std::string final = publicOf(table.red);
        CHECK(refusal(final) == "accepted");
        std::string swapped = final;
        const std::string teal = "teal=" + Fleet::parse(TealFleet)->toText();
        swapped.replace(swapped.find(teal), teal.size(), "teal=" + Fleet::parse(RedFleet)->toText());
        CHECK_THAT(refusal(swapped), Catch::StartsWith("the teal fleet " + Fleet::parse(RedFleet)->toText() + " cannot be: it has"));
        CHECK(refusal(final + " B7:o") == "\"B7:o\" after the end");
        CHECK(refusal(final + " forfeit=cheat") == "accepted");
        CHECK(refusal(final + " forfeit=cheat forfeit=cheat") == "\"forfeit=cheat\": a forfeit, withheld or cheat, follows won= once");
    }
}
