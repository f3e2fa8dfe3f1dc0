#include <catch2/catch.hpp>

#include <mqttgames/connect4/Rules.hpp>
#include <mqttgames/engine/Session.hpp>
#include <mqttgames/engine/TurnGame.hpp>

using connect4::Board;

// What the engine derives from the rules: the "move" message, decoded once and judged once.
TEST_CASE("connect4 messages")
{
    std::string error;
    const auto text = connect4::text();

    SECTION("a move is {\"column\": 1..7} and reads back as the same 0-based column")
    {
        CHECK(nlohmann::json(connect4::Move{3}) == nlohmann::json{{"column", 4}});
        for (int column = 0; column < connect4::Columns; ++column)
            CHECK(nlohmann::json(connect4::Move{column}).get<connect4::Move>().column == column);
    }

    SECTION("malformed and illegal bodies are refused with a reason, without throwing")
    {
        const nlohmann::json bad[] = {
            nullptr, 4, "column", nlohmann::json::array({4}), nlohmann::json::object(),
            {{"cell", 4}}, {{"column", "4"}}, {{"column", 4.0}}, {{"column", 4.5}}, {{"column", nullptr}},
            {{"column", true}}, {{"column", {4}}}, {{"column", {{"x", 4}}}},
            {{"column", 0}}, {{"column", 8}}, {{"column", -1}}, {{"column", 99999999999LL}},
            {{"column", -99999999999LL}}, {{"column", 18446744073709551615ULL}}, {{"column", 9223372036854775808ULL}},
            {{"column", 1}}, // full
        };
        for (const auto& body : bad)
        {
            INFO(body.dump());
            // We are Teal and fill column 1 with our move: Red, the partner, is to move.
            engine::TurnRound<connect4::Rules> round(text, connect4::chooseMove, false);
            REQUIRE(round.load("11111", error));
            REQUIRE(round.act("1").accepted);
            engine::Reply reply;
            REQUIRE_NOTHROW(reply = round.receive("move", body));
            CHECK_FALSE(reply.accepted);
            CHECK_FALSE(reply.reason.empty());
            CHECK(reply.send.empty());
            CHECK(round.state().board == Board("111111"));
        }
        engine::TurnRound<connect4::Rules> over(text, connect4::chooseMove, false);
        REQUIRE(over.load("1212121", error));
        const engine::Reply late = over.receive("move", {{"column", 3}});
        CHECK_FALSE(late.accepted);
        CHECK_THAT(late.reason, Catch::Contains("over"));
    }

    SECTION("through a session: foreign, malformed and illegal messages leave the board as it was")
    {
        const engine::TurnGame<connect4::Rules> game(connect4::text(), connect4::chooseMove);
        std::vector<std::string> sent;
        engine::Session session(game, "me", [&sent](const std::string& text) { sent.push_back(text); return true; });
        session.partnerArrived(false, "them"); // the partner starts as Red
        const auto& round = static_cast<const engine::TurnRound<connect4::Rules>&>(*session.round());

        const auto partnerPlays = [&session](int column)
        { session.receive(R"({"game":"connect4","v":1,"type":"move","round":1,"column":)" + std::to_string(column) + "}"); };
        for (int i = 0; i < 3; ++i)
        {
            partnerPlays(1);
            REQUIRE(session.act("1"));
        }
        REQUIRE(round.state().board == Board("111111"));
        const Board before = round.state().board;

        const std::pair<const char*, const char*> refused[] = {
            {R"({"game":"tictactoe","v":1,"type":"move","round":1,"cell":4})", "partner plays tictactoe v1"},
            {R"({"game":"connect4","v":2,"type":"move","round":1,"column":2})", "partner uses protocol v2"},
            {R"({"game":"connect4","v":1,"type":"move","round":1,"column":8})", "the move {\"column\":8} is not allowed now"},
            {R"({"game":"connect4","v":1,"type":"move","round":1,"column":"2"})", "whole-number"},
            {R"({"game":"connect4","v":1,"type":"move","round":1,"column":2.5})", "whole-number"},
            {R"({"game":"connect4","v":1,"type":"move","round":1})", "whole-number"},
            {R"({"game":"connect4","v":1,"type":"drop","round":1,"column":2})", "unknown message"},
            {R"({"game":"connect4","v":1,"type":"move","round":1,"column":2)", "malformed"},
        };
        for (const auto& [text, why] : refused)
        {
            INFO(text);
            REQUIRE_NOTHROW(session.receive(text));
            CHECK_THAT(session.notice(), Catch::Contains(why));
            CHECK(round.state().board == before);
        }
        CHECK(session.phase() == engine::Phase::Playing);

        partnerPlays(1);
        CHECK_THAT(session.notice(), Catch::Contains("the move {\"column\":1} is not allowed now"));
        CHECK(round.state().board == before);
        partnerPlays(4);
        CHECK(session.notice().empty());
        REQUIRE(round.state().board == Board("1111114"));
        partnerPlays(5);
        CHECK_THAT(session.notice(), Catch::Contains("not the partner's turn"));
        REQUIRE_FALSE(session.act("1"));
        CHECK_THAT(session.notice(), Catch::Contains("1 is not allowed now"));
        REQUIRE(session.act("4"));
        CHECK(round.state().board == Board("11111144"));
        CHECK(nlohmann::json::parse(sent.back()) ==
              nlohmann::json{{"game", "connect4"}, {"v", 1}, {"type", "move"}, {"round", 1}, {"column", 4}});
    }
}
