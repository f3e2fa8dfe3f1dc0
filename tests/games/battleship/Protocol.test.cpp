#include <catch2/catch.hpp>

#include <deque>
#include <variant>

#include <mqttgames/battleship/Protocol.hpp>

using battleship::Coord;
using battleship::Fire;
using battleship::Fleet;
using battleship::Message;
using battleship::Protocol;
using battleship::Reveal;
using battleship::ShotRecord;
using battleship::Stage;

namespace
{

// Two sides that hand each other their messages as values: the protocol with no JSON in between.
struct Duel
{
    Protocol red{true};
    Protocol teal{false};
    std::deque<std::pair<bool, Message>> post; // (to red, message)
    std::vector<std::string> events;

    void take(bool fromRed, const Protocol::Step& step)
    {
        INFO(step.reason);
        REQUIRE(step.accepted);
        events.push_back(step.event);
        for (const Message& message : step.send)
            post.emplace_back(!fromRed, message);
    }

    void deliver()
    {
        for (; !post.empty(); post.pop_front())
        {
            const auto [toRed, message] = post.front();
            INFO("message " << message.index() << " to " << (toRed ? "red" : "teal"));
            take(toRed, (toRed ? red : teal).receive(message)); // the receiver answers
        }
    }
};

const Fleet RedFleet = *Fleet::parse("A1H5,C3V4,E5H3,G7V3,J1V2");
const Fleet TealFleet = *Fleet::parse("B2V5,D1H4,F4V3,H9H3,A10H2");

} // namespace

TEST_CASE("battleship::Protocol: a whole round with messages as values")
{
    Duel duel;
    duel.take(true, duel.red.place(RedFleet, "red salt"));
    duel.take(false, duel.teal.place(TealFleet, "teal salt"));
    duel.deliver();
    REQUIRE(duel.red.stage() == Stage::Shooting);

    SECTION("red sinks every teal ship while teal misses: both reveal without being asked, both verify")
    {
        std::vector<Coord> tealShips;
        for (const auto& ship : TealFleet.ships())
            for (const Coord cell : ship.cells())
                tealShips.push_back(cell);
        std::vector<Coord> water; // cells of no red ship, for teal's misses
        for (int index = 0; index < battleship::SeaCells; ++index)
            if (!RedFleet.shipAt(battleship::coordAt(index)))
                water.push_back(battleship::coordAt(index));
        for (std::size_t shot = 0; duel.red.stage() == Stage::Shooting; ++shot)
        {
            duel.take(true, duel.red.shoot(tealShips.at(shot)));
            duel.deliver();
            if (duel.teal.stage() == Stage::Shooting)
            {
                duel.take(false, duel.teal.shoot(water.at(shot)));
                duel.deliver();
            }
        }
        CHECK(duel.red.stage() == Stage::Over);
        CHECK(duel.teal.stage() == Stage::Over);
        CHECK(duel.red.localSankAll());
        CHECK(duel.teal.partnerSankAll());
        REQUIRE(duel.red.verdict());
        REQUIRE(duel.teal.verdict());
        CHECK(duel.red.verdict()->verified());
        CHECK(duel.teal.verdict()->verified());
        CHECK(duel.red.revealedFleet() == TealFleet);
        CHECK(duel.teal.revealedFleet() == RedFleet);
        CHECK(duel.red.answersReceived().size() == tealShips.size());
        CHECK(duel.events.back().starts_with("partner reveals"));
    }

    SECTION("a refused step sends nothing and changes nothing")
    {
        const Protocol::Step early = duel.teal.shoot({0, 0}); // red starts
        CHECK_FALSE(early.accepted);
        CHECK(early.reason == "it is not your turn");
        CHECK(early.send.empty());
        CHECK_FALSE(duel.teal.pendingShot());

        CHECK(duel.red.receive(Fire{{4, 4}}).reason == "a shot out of turn");
        CHECK(duel.red.receive(ShotRecord{{0, 0}, {}}).reason == "a result for a shot never fired");
        CHECK(duel.red.receive(Reveal{"A1H5", "salt"}).reason == "a reveal before the end");
        CHECK(duel.red.shotsReceived() == 0);
        CHECK_FALSE(duel.red.settleTimedOut()); // no reveal is awaited yet
        CHECK(duel.red.stage() == Stage::Shooting);

        duel.take(true, duel.red.shoot({1, 1}));
        CHECK(duel.red.shoot({2, 2}).reason == "your shot at B2 is still waiting for its answer");
        CHECK(duel.red.receive(ShotRecord{{3, 3}, {}}).reason == "a result for D4, but the shot was at B2");
    }
}
