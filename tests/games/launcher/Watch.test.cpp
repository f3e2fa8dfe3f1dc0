#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include <mqttgames/battleship/PublicRecord.hpp>
#include <mqttgames/battleship/Round.hpp>
#include <mqttgames/battleship/RoundGame.hpp>
#include <mqttgames/connect4/Rules.hpp>
#include <mqttgames/engine/Match.hpp>
#include <mqttgames/engine/Replay.hpp>
#include <mqttgames/engine/Spectator.hpp>
#include <mqttgames/engine/TurnGame.hpp>
#include <mqttgames/mqtt/GameWire.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>
#include <mqttgames/testing/TwoSeats.hpp>
#include <mqttgames/tictactoe/Board.hpp>

#include "support/Waiting.hpp"

// Spectators of a bot match through a real broker, and the replay files the players write.

using namespace std::chrono_literals;

namespace
{

// A folder of its own under the system's temporary one, removed afterwards.
struct TemporaryFolder
{
    TemporaryFolder() : path(std::filesystem::temp_directory_path() / ("mqttgames-watch-" + mqtt::wire::randomId()))
    {
        std::filesystem::create_directories(path);
    }
    ~TemporaryFolder() { std::filesystem::remove_all(path); }
    std::filesystem::path path;
};

engine::ConnectionSettings spectatorAt(const mqtt::LoopbackBroker& broker, const std::string& room)
{
    engine::ConnectionSettings settings;
    settings.host = broker.host();
    settings.port = broker.port();
    settings.room = room;
    return settings;
}

std::vector<engine::ReplayLine> readFile(const std::filesystem::path& file)
{
    std::ifstream in(file);
    std::string error;
    auto replay = engine::readReplay(in, error);
    INFO(error);
    REQUIRE(replay);
    return *replay;
}

// One bot match watched from its start and by a late comer, recorded by a player and by the first
// spectator; everybody must agree on every position.
void watchOneMatch(const engine::Game& game)
{
    mqtt::LoopbackBroker broker;
    mqtt::EventQueue queue;
    TemporaryFolder folder;
    const std::string room = "watched";

    // A stranger writes on the room's topics before anyone comes: junk for the players, a
    // snapshot of nonsense for the spectators. Neither changes the match.
    mqtt::MQTTClient stranger;
    REQUIRE(stranger.connect(broker.host(), broker.port()));
    const std::string topic = engine::roomTopic(game.info().id, room);
    REQUIRE(stranger.publish(topic, "move 5@" + mqtt::wire::randomId(), 1));
    REQUIRE(stranger.publish(topic + "/watch", R"({"game":"chess"})", 1));

    engine::Spectator early(game, queue, spectatorAt(broker, room));
    REQUIRE(early.start());
    early.record(std::make_unique<engine::Recorder>(folder.path / "spectator.jsonl"));
    auto aSettings = engine::botSeat(broker.host(), broker.port(), room, "ann", 1, 1, 100ms);
    aSettings.botPace = 30ms;
    aSettings.recordTo = folder.path / "ann.jsonl";
    auto bSettings = engine::botSeat(broker.host(), broker.port(), room, "bob", 2, 1, 100ms);
    bSettings.botPace = 30ms;
    engine::Match ann(game, queue, aSettings), bob(game, queue, bSettings);
    CHECK(ann.recordingFile() == folder.path / "ann.jsonl");
    ann.connect();
    bob.connect();

    const auto overOn = [](const engine::Match& seat)
    { return seat.session().phase() == engine::Phase::RoundOver && seat.session().roundsFinished() == 1; };
    const auto spectatorSawEnd = [](const engine::Spectator& spectator)
    { return spectator.snapshot() && !spectator.snapshot()->result.empty(); };
    REQUIRE(engine::runSeats(queue, ann, bob, [&] { return overOn(ann) && overOn(bob) && spectatorSawEnd(early); }, 60s));

    // Both players and the spectator agree on the board anyone may see, and on the result.
    const engine::Round& final = *ann.session().round();
    const std::string position = final.publicPosition().value_or("none");
    INFO(position);
    CHECK(bob.session().round()->publicPosition() == position);
    const engine::Snapshot& seen = *early.snapshot();
    CHECK(seen.position == position);
    auto shown = game.newRound({true});
    std::string error;
    REQUIRE(shown->load(position, error));
    CHECK(early.round()->boardText() == shown->boardText());
    CHECK_FALSE(seen.result.empty());
    CHECK(seen.result == final.publicResultText());
    CHECK(seen.result == bob.session().round()->publicResultText());
    CHECK(seen.round == 1);
    CHECK(seen.wins[0] + seen.wins[1] + seen.draws == 1);
    const bool annStarted = ann.session().localStarts();
    CHECK(seen.players == (annStarted ? std::array<std::string, 2>{"ann", "bob"} : std::array<std::string, 2>{"bob", "ann"}));
    CHECK(seen.wins[annStarted ? 0 : 1] == ann.session().wins());
    CHECK(early.problem().empty()); // the stranger's snapshot came before the first real one
    CHECK(ann.session().notice().empty());
    CHECK(bob.session().notice().empty());

    // A spectator who comes after the end sees the final position at once: it was kept for it.
    // Both players count who watches: the early spectator, then the late one too, until it leaves.
    const auto watchedBy = [&](std::size_t count) { return ann.watchers() == count && bob.watchers() == count; };
    CHECK(engine::runSeats(queue, ann, bob, [&] { return watchedBy(1); }, 10s));
    {
        engine::Spectator late(game, queue, spectatorAt(broker, room));
        REQUIRE(late.start());
        REQUIRE(engine::runSeats(queue, ann, bob, [&] { return late.snapshot().has_value(); }, 10s));
        CHECK(late.snapshot()->showsSameAs(seen));
        CHECK(late.round()->boardText() == shown->boardText());
        CHECK(engine::runSeats(queue, ann, bob, [&] { return watchedBy(2); }, 10s));
    }
    CHECK(engine::runSeats(queue, ann, bob, [&] { return watchedBy(1); }, 10s));

    // The player's replay holds every position of its log, in order, and ends with the result.
    const auto replay = readFile(folder.path / "ann.jsonl");
    REQUIRE(engine::checkReplay(game, replay, error));
    std::vector<std::string> logged;
    for (const auto& entry : ann.session().log())
        if (entry.kind == engine::LogEntry::Kind::Move)
            logged.push_back(entry.position);
    REQUIRE_FALSE(logged.empty());
    std::size_t found = 0;
    for (const auto& entry : replay)
        if (found < logged.size() && entry.snapshot.position == logged[found])
            ++found;
    INFO("position " << found << " of the log: " << (found < logged.size() ? logged[found] : ""));
    CHECK(found == logged.size());
    CHECK(replay.back().snapshot.showsSameAs(seen));
    // The spectator's recording ends the same way.
    CHECK(readFile(folder.path / "spectator.jsonl").back().snapshot.showsSameAs(seen));
}

} // namespace

TEST_CASE("Watching a match: every spectator ends where the players end, and the replay holds every position")
{
    SECTION("tic-tac-toe")
    {
        const engine::TurnGame<tictactoe::Board> game(tictactoe::text());
        watchOneMatch(game);
    }
    SECTION("Connect Four")
    {
        const engine::TurnGame<connect4::Rules> game(connect4::text(), connect4::chooseMove);
        watchOneMatch(game);
    }
    SECTION("Battleship")
    {
        const battleship::RoundGame game;
        watchOneMatch(game);
    }
}

TEST_CASE("Players count their spectators, a stranger's false ones are bounded and change nothing else")
{
    const engine::TurnGame<tictactoe::Board> game(tictactoe::text());
    mqtt::LoopbackBroker broker;
    mqtt::EventQueue queue;
    const std::string room = "crowd";
    auto aSettings = engine::botSeat(broker.host(), broker.port(), room, "ann", 1, 1, 100ms);
    auto bSettings = engine::botSeat(broker.host(), broker.port(), room, "bob", 2, 1, 100ms);
    aSettings.botPace = bSettings.botPace = 200ms;
    engine::Match ann(game, queue, aSettings), bob(game, queue, bSettings);
    ann.connect();
    bob.connect();
    REQUIRE(engine::runSeats(queue, ann, bob, [&] { return ann.session().phase() == engine::Phase::Playing; }, 10s));

    // A stranger claims two thousand spectators, then takes one back: the count stops at the bound.
    mqtt::MQTTClient stranger;
    REQUIRE(stranger.connect(broker.host(), broker.port()));
    const std::string here = engine::roomTopic(game.info().id, room) + "/" + engine::PresenceSubtopic + "/";
    for (int i = 0; i < 2000; ++i)
        REQUIRE(stranger.publish(here + std::to_string(i), "1", 1));
    REQUIRE(engine::runSeats(queue, ann, bob, [&] { return ann.watchers() == 999 && bob.watchers() == 999; }, 20s));
    REQUIRE(stranger.publish(here + "0", "", 1));
    REQUIRE(engine::runSeats(queue, ann, bob, [&] { return ann.watchers() == 998; }, 10s));

    // The match goes on to its end as if nobody were there.
    REQUIRE(engine::runSeats(queue, ann, bob, [&] { return ann.session().roundsFinished() == 1 && bob.session().roundsFinished() == 1; }, 60s));
    CHECK(ann.session().notice().empty());
    CHECK(bob.session().notice().empty());
    CHECK(queue.dropped() == 0);
}

TEST_CASE("A Battleship spectator receives no fleet before its reveal")
{
    const battleship::RoundGame game;
    mqtt::LoopbackBroker broker;
    mqtt::EventQueue queue;
    const std::string room = "secrets";

    // Everything published where spectators listen, as it arrives.
    std::mutex mutex;
    std::vector<std::string> heard;
    mqtt::MQTTClient listener([&](const std::string&, const std::string& payload)
                              {
                                  const std::scoped_lock lock(mutex);
                                  heard.push_back(payload);
                              });
    REQUIRE(listener.connect(broker.host(), broker.port()));
    REQUIRE(listener.subscribe(engine::roomTopic(game.info().id, room) + "/watch", 1));

    auto aSettings = engine::botSeat(broker.host(), broker.port(), room, "ann", 1, 1, 100ms);
    auto bSettings = engine::botSeat(broker.host(), broker.port(), room, "bob", 2, 1, 100ms);
    aSettings.botPace = bSettings.botPace = 10ms;
    engine::Match ann(game, queue, aSettings), bob(game, queue, bSettings);
    ann.connect();
    bob.connect();
    const auto over = [](const engine::Match& seat) { return seat.session().roundsFinished() == 1; };
    const auto heardEnd = [&]
    {
        const std::scoped_lock lock(mutex);
        return !heard.empty() && heard.back().find("won=") != std::string::npos;
    };
    REQUIRE(engine::runSeats(queue, ann, bob, [&] { return over(ann) && over(bob) && heardEnd(); }, 60s));

    // The fleets as they were, from each player's own round.
    std::array<battleship::Fleet, 2> fleets;
    for (const engine::Match* seat : {&ann, &bob})
    {
        const auto& round = dynamic_cast<const battleship::Round&>(*seat->session().round());
        fleets[round.protocol().localStarts() ? 0 : 1] = round.protocol().ownSea()->fleet();
    }
    const std::scoped_lock lock(mutex);
    int beforeReveal = 0;
    for (const std::string& payload : heard)
    {
        std::string error;
        const auto snapshot = engine::decodeSnapshot(payload, error);
        REQUIRE(snapshot);
        const auto record = battleship::PublicRecord::parse(snapshot->position, error);
        INFO(payload);
        REQUIRE(record);
        if (record->stage() == battleship::Stage::Revealing || record->stage() == battleship::Stage::Over)
            continue;
        ++beforeReveal;
        CHECK_FALSE(record->fleetOf(0));
        CHECK_FALSE(record->fleetOf(1));
        // No ship is named before it sinks: not in the position, nor anywhere in the message.
        // A ship sunk on either sea is skipped: both fleets may hold the very same ship, and its
        // text names both.
        const auto sunkOnEitherSea = [&](const battleship::Ship& ship)
        {
            return std::ranges::any_of(std::array{0, 1}, [&](int side)
                                       { return std::ranges::find(record->seaOf(side).sunkShips(), ship) !=
                                                record->seaOf(side).sunkShips().end(); });
        };
        for (int side = 0; side < 2; ++side)
            for (const battleship::Ship& ship : fleets[side].ships())
                if (!sunkOnEitherSea(ship))
                    CHECK(payload.find(battleship::toString(ship)) == std::string::npos);
    }
    CHECK(beforeReveal > 30); // placing, and every shot until a fleet sank
    // The last message tells both fleets, as revealed at the end.
    std::string error;
    const auto last = battleship::PublicRecord::parse(engine::decodeSnapshot(heard.back(), error)->position, error);
    REQUIRE(last);
    CHECK(last->fleetOf(0) == fleets[0]);
    CHECK(last->fleetOf(1) == fleets[1]);
}

TEST_CASE("Bad replay files are refused, naming the line")
{
    const engine::TurnGame<tictactoe::Board> game(tictactoe::text());
    const std::string header = std::string(engine::ReplayHeader) + "\n";
    engine::Snapshot move;
    move.game = "tictactoe";
    move.version = game.info().protocolVersion;
    move.round = 1;
    move.players = {"ann", "bob"};
    move.position = "5";
    move.event = "X plays 5";
    const auto line = [](engine::Snapshot snapshot) { return engine::encodeSnapshot(snapshot) + "\n"; };
    const auto refusal = [&](const std::string& text)
    {
        std::istringstream in(text);
        std::string error;
        const auto replay = engine::readReplay(in, error);
        if (replay && !engine::checkReplay(game, *replay, error))
            return error;
        return replay ? std::string("accepted") : error;
    };

    CHECK(refusal(header + line(move)) == "accepted");
    CHECK(refusal("") == "the file is empty");
    CHECK(refusal(header) == "line 2: no moves recorded");
    CHECK_THAT(refusal(line(move)), Catch::StartsWith("line 1: not an mqttgames replay"));
    CHECK_THAT(refusal(header + "{\"game\":\"tictactoe\",\n"), Catch::StartsWith("line 2: not JSON"));
    std::string whole = line(move);
    CHECK(refusal(header + whole.substr(0, whole.size() - 1)) == "line 2: cut short (the file is truncated)");
    engine::Snapshot other = move;
    other.version = move.version + 1;
    CHECK(refusal(header + line(other)) == "line 2: recorded with tictactoe protocol version " + std::to_string(other.version) +
                                              "; this program speaks version " + std::to_string(move.version));
    other = move;
    other.game = "connect4";
    CHECK(refusal(header + line(other)) == "line 2: a match of connect4, not tictactoe");
    CHECK(refusal(header + line(move) + line(other)) == "line 3: a snapshot of connect4 v1 in a replay of tictactoe v1");
    other = move;
    other.position = "55";
    CHECK_THAT(refusal(header + line(move) + line(other)), Catch::StartsWith("line 3: not a position of tictactoe: illegal move '5'"));
    other = move;
    other.round = 0;
    CHECK_THAT(refusal(header + line(other)), Catch::StartsWith("line 2: ") && Catch::Contains("round"));
    other = move;
    other.millis = 10;
    engine::Snapshot earlier = move;
    CHECK_THAT(refusal(header + line(other) + line(earlier)), Catch::StartsWith("line 3: goes back in time"));
}
