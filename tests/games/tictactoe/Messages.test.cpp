#include <catch2/catch.hpp>

#include <mqttgames/engine/Session.hpp>
#include <mqttgames/engine/TurnGame.hpp>
#include <mqttgames/tictactoe/Board.hpp>

#include <string>

using tictactoe::Board;

// What the engine derives from the rules: the "move" message, decoded once and judged once.
TEST_CASE("tictactoe messages")
{
    SECTION("malformed and illegal bodies are refused with a reason, without throwing")
    {
        const nlohmann::json bad[] = {
            nullptr, 5, "cell", nlohmann::json::array({1}), nlohmann::json::object(),
            {{"cell", "5"}}, {{"cell", 5.5}}, {{"cell", nullptr}}, {{"cell", true}}, {{"cell", {1, 2}}},
            {{"cell", 0}}, {{"cell", 10}}, {{"cell", -3}}, {{"cell", 99999999999LL}}, {{"cell", 5}},
        };
        const auto text = tictactoe::text();
        for (const auto& body : bad)
        {
            INFO(body.dump());
            // We are X and played 5: the partner (O) is to move.
            engine::TurnRound<Board> round(text, engine::searchMove<Board>, true);
            const engine::Reply played = round.act("5");
            REQUIRE(played.accepted);
            REQUIRE(played.send.size() == 1);
            CHECK(played.send[0].type == "move");
            CHECK(played.send[0].body == nlohmann::json{{"cell", 5}});
            engine::Reply reply;
            REQUIRE_NOTHROW(reply = round.receive("move", body));
            CHECK_FALSE(reply.accepted);
            CHECK_FALSE(reply.reason.empty());
            CHECK(round.state() == Board("5"));
            CHECK(round.history().size() == 1);
        }
    }

    SECTION("a move a view picked reaches the round as a value, checked as typed text is")
    {
        engine::TurnRound<Board> round(tictactoe::text(), engine::searchMove<Board>, true);
        const engine::Reply reply = round.play({4});
        REQUIRE(reply.accepted);
        REQUIRE(reply.send.size() == 1);
        CHECK(reply.send[0].body == nlohmann::json{{"cell", 5}});
        const engine::Reply early = round.play({0});
        CHECK_FALSE(early.accepted);
        CHECK(early.reason == "it is not your turn");
        CHECK(round.state() == Board("5"));
    }

    SECTION("through a session: foreign, malformed and illegal messages leave the board as it was")
    {
        const engine::TurnGame<Board> game(tictactoe::text());
        std::vector<std::string> sent;
        engine::Session session(game, "me", [&sent](const std::string& text) { sent.push_back(text); return true; });
        session.partnerArrived(false, "them"); // the partner starts as X
        const auto& round = static_cast<const engine::TurnRound<Board>&>(*session.round());

        session.receive(R"({"game":"tictactoe","v":1,"type":"move","round":1,"cell":5})");
        REQUIRE(round.state() == Board("5"));
        const Board before = round.state();

        const std::pair<const char*, const char*> refused[] = {
            {R"({"game":"connect4","v":1,"type":"move","round":1,"column":4})", "partner plays connect4 v1"},
            {R"({"game":"tictactoe","v":2,"type":"move","round":1,"cell":1})", "partner uses protocol v2"},
            {R"({"game":"tictactoe","v":1,"type":"move","round":1,"cell":5})", "not the partner's turn"},
            {R"({"game":"tictactoe","v":1,"type":"move","round":1,"cell":"1"})", "refused"},
            {R"({"game":"tictactoe","v":1,"type":"move","round":1,"cell":99999999999})", "malformed move"},
            {R"({"game":"tictactoe","v":1,"type":"warp","round":1})", "refused"},
            {R"({"game":"tictactoe","v":1,"type":"move","round":1)", "malformed"},
        };
        for (const auto& [text, why] : refused)
        {
            INFO(text);
            REQUIRE_NOTHROW(session.receive(text));
            CHECK_THAT(session.notice(), Catch::Contains(why) || Catch::Contains("refused"));
            CHECK(round.state() == before);
        }
        CHECK(session.phase() == engine::Phase::Playing);
        REQUIRE(session.act("1"));
        CHECK(round.state() == Board("51"));
        CHECK(nlohmann::json::parse(sent.back()) ==
              nlohmann::json{{"game", "tictactoe"}, {"v", 1}, {"type", "move"}, {"round", 1}, {"cell", 1}});
    }
}
