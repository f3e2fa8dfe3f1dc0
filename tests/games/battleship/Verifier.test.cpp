#include <mqttgames/battleship/Verifier.hpp>

#include <mqttgames/battleship/Commitment.hpp>
#include <mqttgames/battleship/OwnSea.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

using battleship::Cheat;
using battleship::Fleet;
using battleship::ShotOutcome;
using battleship::ShotRecord;

namespace
{

const std::string Salt = "0123456789abcdef0123456789abcdef";
const std::string Layout = "A1H5,C3V4,E5H3,G7V3,J1V2";

// An honest enemy's answers to shots at every cell, row by row, until its fleet is sunk.
std::vector<ShotRecord> honestGame(const Fleet& fleet)
{
    battleship::OwnSea sea(fleet);
    std::vector<ShotRecord> log;
    for (int index = 0; index < battleship::SeaCells && !sea.allSunk(); ++index)
    {
        const auto shot = battleship::coordAt(index);
        log.push_back({shot, sea.receive(shot)});
    }
    return log;
}

std::size_t firstWith(const std::vector<ShotRecord>& log, ShotOutcome outcome)
{
    const auto found = std::ranges::find_if(log, [&](const ShotRecord& r) { return r.answer.outcome == outcome; });
    REQUIRE(found != log.end());
    return static_cast<std::size_t>(found - log.begin());
}

} // namespace

TEST_CASE("battleship::Verifier")
{
    const Fleet fleet = *Fleet::parse(Layout);
    const std::string commitment = battleship::commitmentOf(fleet, Salt);
    auto log = honestGame(fleet);
    REQUIRE(std::ranges::count_if(log, [](const ShotRecord& r) { return r.answer.outcome == ShotOutcome::Sunk; }) == 5);

    const auto verify = [&](const std::string& revealed = Layout, const std::string& salt = Salt)
    { return battleship::verifyReveal(commitment, revealed, salt, log); };

    SECTION("an honest game is verified, whatever the order of the revealed ships")
    {
        CHECK(verify().verified());
        CHECK(verify("J1V2,G7V3,E5H3,C3V4,A1H5").verified());
        log.resize(log.size() / 2);
        CHECK(verify().verified());
        log.clear();
        CHECK(verify().verified());
    }

    SECTION("a repeated shot answered the same is not a cheat")
    {
        log.push_back(log[firstWith(log, ShotOutcome::Hit)]);
        CHECK(verify().verified());
    }

    SECTION("another fleet or salt than committed")
    {
        const auto other = verify("A1H5,C3V4,E5H3,G7V3,I1V2");
        CHECK(other.cheat == Cheat::CommitmentMismatch);
        CHECK(other.reason == "commitment does not match the revealed fleet");
        CHECK(verify(Layout, "another salt").cheat == Cheat::CommitmentMismatch);
    }

    SECTION("an invalid or unreadable revealed fleet")
    {
        const auto overlap = verify("A1H5,D1V4,E5H3,G7V3,J1V2");
        CHECK(overlap.cheat == Cheat::InvalidFleet);
        CHECK(overlap.reason == "revealed fleet is invalid: ships overlap at D1");
        CHECK(verify("A1H5,C3V4,E5H3,G7V3").cheat == Cheat::InvalidFleet);
        const auto unreadable = verify("A1H5,C3V4,nonsense");
        CHECK(unreadable.cheat == Cheat::UnreadableFleet);
        CHECK_THAT(unreadable.reason, Catch::Contains("nonsense"));
    }

    SECTION("a Miss on a ship")
    {
        auto& record = log[firstWith(log, ShotOutcome::Hit)];
        record.answer = {};
        const auto verdict = verify();
        CHECK(verdict.cheat == Cheat::FalseMiss);
        CHECK(verdict.reason == "answered Miss at " + battleship::toString(record.shot)
                                    + " where the revealed fleet has a ship");
    }

    SECTION("a Hit on water")
    {
        auto& record = log[firstWith(log, ShotOutcome::Miss)];
        record.answer.outcome = ShotOutcome::Hit;
        const auto verdict = verify();
        CHECK(verdict.cheat == Cheat::FalseHit);
        CHECK(verdict.reason == "answered Hit at " + battleship::toString(record.shot)
                                    + " where the revealed fleet has no ship");
    }

    SECTION("a sinking shot answered Hit")
    {
        auto& record = log[firstWith(log, ShotOutcome::Sunk)];
        const std::string ship = battleship::toString(*record.answer.sunkShip);
        record.answer = {ShotOutcome::Hit, std::nullopt};
        const auto verdict = verify();
        CHECK(verdict.cheat == Cheat::HiddenSink);
        CHECK_THAT(verdict.reason, Catch::Contains(battleship::toString(record.shot)) && Catch::Contains(ship));
    }

    SECTION("a Sunk while the ship still floats")
    {
        auto& record = log[firstWith(log, ShotOutcome::Hit)];
        record.answer = {ShotOutcome::Sunk, fleet.ships()[*fleet.shipAt(record.shot)]};
        const auto verdict = verify();
        CHECK(verdict.cheat == Cheat::FalseSink);
        CHECK_THAT(verdict.reason, Catch::Contains("answered Sunk at " + battleship::toString(record.shot)));
    }

    SECTION("the fleet claimed sunk early")
    {
        // Four honest sinks, then the first hit on the last ship afloat claimed as the fifth.
        std::size_t sinks = 0;
        std::size_t last = 0;
        while (sinks < 4)
            sinks += log[last++].answer.outcome == ShotOutcome::Sunk ? 1 : 0;
        while (log[last].answer.outcome != ShotOutcome::Hit)
            ++last;
        auto& record = log[last];
        record.answer = {ShotOutcome::Sunk, fleet.ships()[*fleet.shipAt(record.shot)]};
        log.resize(last + 1);
        const auto verdict = verify();
        CHECK(verdict.cheat == Cheat::EarlyDefeat);
        CHECK_THAT(verdict.reason, Catch::StartsWith("claimed the fleet sunk early at " + battleship::toString(record.shot)));
    }

    SECTION("a Sunk naming the wrong ship")
    {
        auto& record = log[firstWith(log, ShotOutcome::Sunk)];
        record.answer.sunkShip->length += 1;
        const auto verdict = verify();
        CHECK(verdict.cheat == Cheat::WrongShipNamed);
        CHECK_THAT(verdict.reason, Catch::Contains(battleship::toString(record.shot)));
    }
}
