#include <catch2/catch.hpp>

#include <mqttgames/battleship/Codec.hpp>
#include <mqttgames/battleship/Commitment.hpp>
#include <mqttgames/battleship/RoundGame.hpp>
#include <mqttgames/battleship/Round.hpp>
#include <mqttgames/engine/Session.hpp>

using battleship::Coord;
using battleship::ShotOutcome;
using battleship::ShotRecord;
using nlohmann::json;

namespace
{

// Every decoder refuses every body here, with a reason and without throwing.
template <typename Decode>
void checkRefused(Decode decode, const std::vector<json>& bodies)
{
    for (const auto& body : bodies)
    {
        INFO(body.dump());
        std::string error;
        bool decoded = true;
        REQUIRE_NOTHROW(decoded = decode(body, error).has_value());
        CHECK_FALSE(decoded);
        CHECK_FALSE(error.empty());
    }
}

const std::vector<json> NotObjects{nullptr, 5, "cell", json::array({"A1"}), true, 1.5};

} // namespace

TEST_CASE("battleship::Codec")
{
    std::string error;

    SECTION("every message reads back as what was sent")
    {
        const std::string commitment = battleship::commitmentOf(battleship::Fleet(), "salt");
        CHECK(battleship::encodeCommit(commitment) == json{{"commitment", commitment}});
        CHECK(battleship::decodeCommit(battleship::encodeCommit(commitment), error) == commitment);

        for (int index = 0; index < battleship::SeaCells; ++index)
        {
            const Coord cell = battleship::coordAt(index);
            CHECK(battleship::decodeShot(battleship::encodeShot(cell), error) == cell);
        }
        CHECK(battleship::encodeShot({2, 9}) == json{{"cell", "C10"}});

        const battleship::Ship ship = *battleship::parseShip("C3V4");
        const ShotRecord results[] = {
            {{0, 0}, {ShotOutcome::Miss, std::nullopt}},
            {{2, 3}, {ShotOutcome::Hit, std::nullopt}},
            {{2, 5}, {ShotOutcome::Sunk, ship}},
        };
        for (const auto& result : results)
        {
            const auto back = battleship::decodeResult(battleship::encodeResult(result), error);
            REQUIRE(back);
            CHECK(back->shot == result.shot);
            CHECK(back->answer == result.answer);
        }
        CHECK(battleship::encodeResult(results[2]) == json{{"cell", "C6"}, {"outcome", "sunk"}, {"ship", "C3V4"}});
        CHECK(battleship::encodeResult(results[0]) == json{{"cell", "A1"}, {"outcome", "miss"}});

        const auto fleet = battleship::Fleet::parse("A1H5,C3V4,E5H3,G7V3,J1V2");
        CHECK(battleship::decodeReveal(battleship::encodeReveal(*fleet, "ab12"), error) ==
              battleship::Reveal{"A1H5,C3V4,E5H3,G7V3,J1V2", "ab12"});
        // A later version may add fields.
        CHECK(battleship::decodeShot({{"cell", "J10"}, {"note", 1}}, error) == Coord{9, 9});
    }

    SECTION("malformed bodies are refused with a reason, without throwing")
    {
        auto commits = NotObjects;
        commits.insert(commits.end(), {json::object(), {{"commitment", 5}}, {{"commitment", ""}},
                                       {{"commitment", std::string(63, 'a')}}, {{"commitment", std::string(65, 'a')}},
                                       {{"commitment", std::string(64, 'A')}}, {{"commitment", std::string(64, 'g')}},
                                       {{"commit", std::string(64, 'a')}}});
        checkRefused([](const json& body, std::string& why) { return battleship::decodeCommit(body, why); }, commits);

        auto shots = NotObjects;
        shots.insert(shots.end(), {json::object(), {{"cell", 5}}, {{"cell", nullptr}}, {{"cell", "K1"}}, {{"cell", "A11"}},
                                   {{"cell", "A0"}}, {{"cell", ""}}, {{"cell", "A01"}}, {{"cell", {"A", 1}}},
                                   {{"cell", std::string(100000, 'A')}}, {{"column", "A"}, {"row", 1}}});
        checkRefused([](const json& body, std::string& why) { return battleship::decodeShot(body, why); }, shots);

        auto results = NotObjects;
        results.insert(results.end(), {
            json::object(),
            {{"cell", "A1"}},
            {{"outcome", "hit"}},
            {{"cell", "A1"}, {"outcome", 1}},
            {{"cell", "A1"}, {"outcome", "HIT"}},
            {{"cell", "A1"}, {"outcome", "splash"}},
            {{"cell", "Z1"}, {"outcome", "miss"}},
            {{"cell", "A1"}, {"outcome", "sunk"}},                       // which ship?
            {{"cell", "A1"}, {"outcome", "sunk"}, {"ship", 2}},
            {{"cell", "A1"}, {"outcome", "sunk"}, {"ship", "A1X2"}},
            {{"cell", "J1"}, {"outcome", "sunk"}, {"ship", "J1H2"}},     // off the sea
            {{"cell", "A1"}, {"outcome", "sunk"}, {"ship", "C3V4"}},     // does not cover A1
            {{"cell", "A1"}, {"outcome", "hit"}, {"ship", "A1H2"}},      // a ship named for a hit
        });
        checkRefused([](const json& body, std::string& why) { return battleship::decodeResult(body, why); }, results);

        auto reveals = NotObjects;
        reveals.insert(reveals.end(), {
            json::object(),
            {{"fleet", "A1H5,C3V4,E5H3,G7V3,J1V2"}},
            {{"salt", "00"}},
            {{"fleet", 5}, {"salt", "00"}},
            {{"fleet", "A1H5,C3V4,E5H3,G7V3,J1V2"}, {"salt", 0}},
            {{"fleet", ""}, {"salt", "00"}},
            {{"fleet", "A1H5,C3V4,E5H3,G7V3,J1V2"}, {"salt", ""}},
            {{"fleet", std::string(battleship::MaxFleetText + 1, 'A')}, {"salt", "00"}},
            {{"fleet", "A1H5,C3V4,E5H3,G7V3,J1V2"}, {"salt", std::string(battleship::MaxSaltText + 1, '0')}},
        });
        checkRefused([](const json& body, std::string& why) { return battleship::decodeReveal(body, why); }, reveals);
    }

    SECTION("an unreadable fleet in a well-formed reveal is left for the verifier to blame")
    {
        CHECK(battleship::decodeReveal({{"fleet", "nonsense"}, {"salt", "00"}}, error));
    }

    SECTION("through a session: foreign, malformed and illegal messages leave the round as it was")
    {
        const battleship::RoundGame game;
        std::vector<json> sent;
        engine::Session session(game, "me", [&sent](const std::string& text) { sent.push_back(json::parse(text)); return true; });
        session.partnerArrived(false, "them"); // the partner shoots first
        const auto& round = static_cast<const battleship::Round&>(*session.round());
        REQUIRE(session.act("place A1H5,C3V4,E5H3,G7V3,J1V2"));
        CHECK(sent.back().at("type") == "commit");
        CHECK(sent.back().at("game") == "battleship");
        CHECK(sent.back().dump().find("A1H5") == std::string::npos);

        const std::string commitment = battleship::commitmentOf(battleship::Fleet(), "00");
        session.receive(R"({"game":"battleship","v":1,"type":"shot","round":1,"cell":"A1"})");
        CHECK_THAT(session.notice(), Catch::Contains("before both fleets are placed"));
        session.receive(R"({"game":"battleship","v":1,"type":"commit","round":1,"commitment":")" + commitment + "\"}");
        REQUIRE(round.protocol().stage() == battleship::Stage::Shooting);
        CHECK(session.notice().empty());
        const std::string before = round.boardText();

        const std::pair<std::string, const char*> refused[] = {
            {R"({"game":"connect4","v":1,"type":"move","round":1,"column":4})", "partner plays connect4 v1"},
            {R"({"game":"battleship","v":2,"type":"shot","round":1,"cell":"A1"})", "partner uses protocol v2"},
            {R"({"game":"battleship","v":1,"type":"shot","round":1,"cell":"K11"})", "A1..J10"},
            {R"({"game":"battleship","v":1,"type":"shot","round":1,"cell":1})", "refused"},
            {R"({"game":"battleship","v":1,"type":"result","round":1,"cell":"A1","outcome":"hit"})", "never fired"},
            {R"({"game":"battleship","v":1,"type":"reveal","round":1,"fleet":"A1H5","salt":"00"})", "before the end"},
            {R"({"game":"battleship","v":1,"type":"commit","round":1,"commitment":")" + commitment + "\"}", "already committed"},
            {R"({"game":"battleship","v":1,"type":"torpedo","round":1})", "unknown"},
            {R"({"game":"battleship","v":1,"type":"shot","round":1,"cell":"A1")", "malformed"},
        };
        for (const auto& [text, why] : refused)
        {
            INFO(text);
            REQUIRE_NOTHROW(session.receive(text));
            CHECK_THAT(session.notice(), Catch::Contains(why));
            CHECK(round.boardText() == before);
        }
        CHECK_FALSE(session.act("B2")); // the partner shoots first
        CHECK(session.phase() == engine::Phase::Playing);

        session.receive(R"({"game":"battleship","v":1,"type":"shot","round":1,"cell":"A1"})");
        CHECK(session.notice().empty());
        CHECK(sent.back() == json{{"game", "battleship"}, {"v", 1}, {"type", "result"}, {"round", 1}, {"cell", "A1"}, {"outcome", "hit"}});
        session.receive(R"({"game":"battleship","v":1,"type":"shot","round":1,"cell":"A2"})");
        CHECK_THAT(session.notice(), Catch::Contains("out of turn"));
        REQUIRE(session.act("B2"));
        CHECK(sent.back() == json{{"game", "battleship"}, {"v", 1}, {"type", "shot"}, {"round", 1}, {"cell", "B2"}});
    }
}
