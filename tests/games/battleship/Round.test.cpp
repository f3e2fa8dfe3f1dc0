#include <catch2/catch.hpp>

#include <deque>
#include <functional>
#include <random>

#include <mqttgames/battleship/Codec.hpp>
#include <mqttgames/battleship/Commitment.hpp>
#include <mqttgames/battleship/Round.hpp>
#include <mqttgames/testing/WiredRound.hpp>

using battleship::Coord;
using battleship::Fleet;
using battleship::Round;
using battleship::Stage;
using engine::Outcome;
using engine::Turn;

namespace
{

const std::string RedFleet = "A1H5,C3V4,E5H3,G7V3,J1V2";
const std::string TealFleet = "B2V5,D1H4,F4V3,H9H3,A10H2";

// Two rounds wired outbox-to-receive in memory: `red` starts. Messages wait in `post` until
// deliver(); `tamper` may rewrite (or drop, returning false) a message on its way.
struct Table
{
    struct Letter
    {
        bool toRed;
        std::string type;
        nlohmann::json body;
    };

    std::deque<Letter> post;
    std::vector<std::string> refusals;
    std::function<bool(Letter&)> tamper;
    testing::WiredRound<Round> red{[this](const std::string& type, nlohmann::json body) { post.push_back({false, type, std::move(body)}); }, true};
    testing::WiredRound<Round> teal{[this](const std::string& type, nlohmann::json body) { post.push_back({true, type, std::move(body)}); }, false};

    void deliver()
    {
        for (; !post.empty(); post.pop_front())
        {
            Letter letter = post.front();
            if (tamper && !tamper(letter))
                continue;
            std::string error;
            if (!(letter.toRed ? red : teal).receive(letter.type, letter.body, error))
                refusals.push_back(letter.type + ": " + error);
        }
    }

    void placeBoth(const std::string& redFleet = RedFleet, const std::string& tealFleet = TealFleet)
    {
        std::string error;
        REQUIRE(red.act("place " + redFleet, error));
        REQUIRE(teal.act("place " + tealFleet, error));
        deliver();
    }

    // One shot by whoever's turn it is, delivered with its answer.
    void fire(Coord cell)
    {
        testing::WiredRound<Round>& shooter = red.turn() == Turn::Local ? red : teal;
        std::string error;
        INFO(battleship::toString(cell));
        REQUIRE(shooter.act(battleship::toString(cell), error));
        deliver();
    }

    // Each side shoots from its own list until the game is over.
    void playOut(std::vector<Coord> redShots, std::vector<Coord> tealShots)
    {
        std::size_t r = 0;
        std::size_t t = 0;
        while (red.stage() == Stage::Shooting)
        {
            const bool redTurn = red.turn() == Turn::Local;
            auto& shots = redTurn ? redShots : tealShots;
            std::size_t& next = redTurn ? r : t;
            REQUIRE(next < shots.size());
            fire(shots[next++]);
        }
    }
};

std::vector<Coord> cellsOf(const std::string& fleetText)
{
    const Fleet fleet = *Fleet::parse(fleetText);
    std::vector<Coord> cells;
    for (const auto& ship : fleet.ships())
        for (const Coord cell : ship.cells())
            cells.push_back(cell);
    return cells;
}

std::vector<Coord> waterOf(const std::string& fleetText)
{
    const Fleet fleet = *Fleet::parse(fleetText);
    std::vector<Coord> cells;
    for (int index = 0; index < battleship::SeaCells; ++index)
        if (!fleet.shipAt(battleship::coordAt(index)))
            cells.push_back(battleship::coordAt(index));
    return cells;
}

// What a refused message must leave alone.
std::string snapshot(const Round& round)
{
    return round.boardText() + std::to_string(static_cast<int>(round.turn())) + std::to_string(static_cast<int>(round.stage())) +
           std::to_string(round.answersReceived().size()) + std::to_string(round.shotsReceived());
}

} // namespace

TEST_CASE("battleship::Round")
{
    Table table;
    std::string error;

    SECTION("both place at once and send only a commitment to their fleet")
    {
        CHECK(table.red.turn() == Turn::Both);
        CHECK(table.teal.turn() == Turn::Both);
        CHECK(table.red.stage() == Stage::Placing);
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
        CHECK(table.teal.partnerHasPlaced());

        REQUIRE(table.teal.act("random", error));
        table.deliver();
        CHECK(table.refusals.empty());
        CHECK(table.red.stage() == Stage::Shooting);
        CHECK(table.teal.stage() == Stage::Shooting);
        CHECK(table.red.turn() == Turn::Local); // the starter shoots first
        CHECK(table.teal.turn() == Turn::Remote);
        CHECK(table.red.partnerCommitment() == table.teal.commitment());
        CHECK(table.teal.partnerCommitment() == table.red.commitment());
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
        CHECK(table.red.ownSea()->fleet() == *Fleet::parse(RedFleet));
    }

    SECTION("shots alternate and each is answered; the first to sink the whole fleet wins; both verify")
    {
        table.placeBoth();
        table.fire({1, 1}); // red hits B2
        REQUIRE(table.red.answersReceived().size() == 1);
        CHECK(table.red.answersReceived()[0].answer.outcome == battleship::ShotOutcome::Hit);
        CHECK(table.red.turn() == Turn::Remote);
        table.fire({9, 9}); // teal misses J10
        CHECK(table.teal.answersReceived()[0].answer.outcome == battleship::ShotOutcome::Miss);
        CHECK(table.red.lastIncoming() == Coord{9, 9});

        auto redShots = cellsOf(TealFleet);
        redShots.erase(std::ranges::find(redShots, Coord{1, 1}));
        auto tealShots = waterOf(RedFleet);
        tealShots.erase(std::ranges::find(tealShots, Coord{9, 9}));
        table.playOut(redShots, tealShots);
        INFO(table.red.boardText() << table.teal.boardText());
        CHECK(table.refusals.empty());

        CHECK(table.red.localSankAll());
        CHECK(table.teal.partnerSankAll());
        CHECK(table.red.targetSea().shipsSunk() == 5);
        const auto& sunk = table.red.targetSea().sunkShips();
        const Fleet teal = *Fleet::parse(TealFleet);
        for (const auto& ship : teal.ships())
            CHECK(std::ranges::find(sunk, ship) != sunk.end());

        CHECK(table.red.stage() == Stage::Over);
        CHECK(table.teal.stage() == Stage::Over);
        CHECK(table.red.outcome() == Outcome::Won);
        CHECK(table.teal.outcome() == Outcome::Lost);
        CHECK(table.red.turn() == Turn::None);
        REQUIRE(table.red.verdict());
        REQUIRE(table.teal.verdict());
        CHECK(table.red.verdict()->verified());
        CHECK(table.teal.verdict()->verified());
        CHECK_THAT(table.red.verificationText(), Catch::StartsWith("Fleet verified"));
        CHECK_THAT(table.teal.resultText(), Catch::Contains("verified"));
        CHECK(table.red.revealedFleet() == table.teal.ownSea()->fleet());
        CHECK(table.teal.revealedFleet() == table.red.ownSea()->fleet());
        CHECK(table.red.targetSea().shotsFired() == table.teal.shotsReceived());
        CHECK(table.red.shotsReceived() == table.teal.targetSea().shotsFired());
    }

    SECTION("the round stays undecided until the partner's reveal has been checked")
    {
        table.placeBoth();
        // The last shot's answer is delivered, the loser's reveal held back.
        table.tamper = [](Table::Letter& letter) { return !(letter.type == "reveal" && letter.toRed); };
        table.playOut(cellsOf(TealFleet), waterOf(RedFleet));
        CHECK(table.red.stage() == Stage::Revealing);
        CHECK(table.red.outcome() == Outcome::Undecided);
        CHECK(table.red.turn() == Turn::None);
        CHECK(table.teal.stage() == Stage::Over); // red's reveal got through
        CHECK_THAT(table.red.verificationText(), Catch::Contains("Waiting"));
        CHECK_FALSE(table.red.act("J10", error));
        CHECK_THAT(error, Catch::Contains("over"));
    }

    SECTION("waiting for the reveal is a settle phase; when it times out the shots decide, not verified")
    {
        table.placeBoth();
        table.tamper = [](Table::Letter& letter) { return !(letter.type == "reveal" && letter.toRed); };
        table.playOut(cellsOf(TealFleet), waterOf(RedFleet));
        CHECK(table.red.isSettling());
        CHECK_FALSE(table.teal.isSettling());
        CHECK(table.red.statusText() == "Verifying the partner's fleet\xE2\x80\xA6");

        table.red.settleTimedOut();
        CHECK_FALSE(table.red.isSettling());
        CHECK(table.red.stage() == Stage::Over);
        CHECK(table.red.revealWithheld());
        CHECK(table.red.outcome() == Outcome::Won);
        CHECK(table.red.turn() == Turn::None);
        CHECK(table.red.lastEventText() == "partner did not reveal their fleet: not verified");
        CHECK_THAT(table.red.resultText(), Catch::EndsWith("partner did not reveal their fleet: not verified"));
        CHECK_THAT(table.red.verificationText(), Catch::StartsWith("Not verified"));
        CHECK(table.red.statusText().empty());
    }

    SECTION("a settle timeout outside the wait for a reveal changes nothing")
    {
        CHECK(table.red.statusText() == "Placing fleet");
        table.red.settleTimedOut();
        CHECK(table.red.stage() == Stage::Placing);
        CHECK_FALSE(table.red.revealWithheld());
        REQUIRE(table.red.act("place " + RedFleet, error));
        CHECK(table.red.statusText() == "Partner placing fleet");
        REQUIRE(table.teal.act("place " + TealFleet, error));
        table.deliver();
        table.red.settleTimedOut();
        CHECK(table.red.stage() == Stage::Shooting);
        CHECK(table.red.statusText().empty());
    }

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
        CHECK(table.red.answersReceived().back().answer.outcome == battleship::ShotOutcome::Hit);

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
        CHECK(table.teal.localSankAll());
        REQUIRE(table.red.verdict());
        CHECK(table.red.verdict()->cheat == battleship::Cheat::FalseMiss);
        CHECK_THAT(table.red.verificationText(), Catch::Contains("answered Miss at B2"));
        CHECK_THAT(table.red.resultText(), Catch::StartsWith("Partner cheated"));
        CHECK(table.red.outcome() == Outcome::Won); // the cheat forfeits
        CHECK(table.teal.verdict()->verified());
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
        REQUIRE(table.red.verdict());
        CHECK(table.red.verdict()->cheat == battleship::Cheat::CommitmentMismatch);
        CHECK_THAT(table.red.verificationText(), Catch::Contains("commitment does not match"));
        CHECK_FALSE(table.red.revealedFleet());
    }

    SECTION("bots place a fleet and then shoot only cells not shot yet")
    {
        engine::BotControl control{std::chrono::steady_clock::now() + std::chrono::seconds(1), nullptr};
        for (int level = 0; level < 3; ++level)
        {
            Table bots;
            const std::string redPlacement = bots.red.botJob(level)(control);
            CHECK_THAT(redPlacement, Catch::StartsWith("place "));
            REQUIRE(bots.red.act(redPlacement, error));
            REQUIRE(bots.teal.act(bots.teal.botJob(level)(control), error));
            bots.deliver();
            for (int shot = 0; shot < 400 && bots.red.stage() == Stage::Shooting; ++shot)
            {
                testing::WiredRound<Round>& shooter = bots.red.turn() == Turn::Local ? bots.red : bots.teal;
                const std::string cell = shooter.botJob(level)(control);
                INFO("level " << level << " shot " << cell);
                REQUIRE(shooter.act(cell, error));
                bots.deliver();
            }
            CHECK(bots.refusals.empty());
            CHECK(bots.red.stage() == Stage::Over);
            CHECK(bots.red.verdict()->verified());
            CHECK(bots.teal.verdict()->verified());
            CHECK(bots.red.outcome() != bots.teal.outcome());
        }
    }

    SECTION("load: a seed, shots, and bots to the end")
    {
        testing::WiredRound<Round> round({}, true);
        REQUIRE(round.load("7", error));
        CHECK(round.stage() == Stage::Shooting);
        CHECK(round.turn() == Turn::Local);
        std::mt19937_64 random(7);
        CHECK(round.ownSea()->fleet() == Fleet::random(random));

        REQUIRE(round.load("7 A1 J10 B1", error));
        CHECK(round.answersReceived().size() == 2);
        CHECK(round.shotsReceived() == 1);
        CHECK(round.lastIncoming() == Coord{9, 9});

        REQUIRE(round.load("7 auto end", error));
        CHECK(round.stage() == Stage::Over);
        CHECK(round.verdict()->verified());
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
        CHECK(round.stage() == Stage::Placing);
        REQUIRE(round.load("7", error));
        REQUIRE(round.load("", error));
        CHECK(round.stage() == Stage::Placing);
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
