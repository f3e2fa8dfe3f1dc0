#include <catch2/catch.hpp>

#include <mqttgames/connect4/Codec.hpp>
#include <mqttgames/connect4/Game.hpp>
#include <mqttgames/connect4/Round.hpp>
#include <mqttgames/engine/Session.hpp>

using connect4::Board;

TEST_CASE("connect4::Codec")
{
    std::string error;

    SECTION("a move is {\"column\": 1..7} and reads back as the same 0-based column")
    {
        CHECK(connect4::encodeMove(3) == nlohmann::json{{"column", 4}});
        for (int column = 0; column < connect4::Columns; ++column)
            CHECK(connect4::decodeMove(connect4::encodeMove(column), Board(), error) == column);
    }

    SECTION("malformed bodies are refused with a reason, without throwing")
    {
        const nlohmann::json bad[] = {
            nullptr, 4, "column", nlohmann::json::array({4}), nlohmann::json::object(),
            {{"cell", 4}}, {{"column", "4"}}, {{"column", 4.0}}, {{"column", 4.5}}, {{"column", nullptr}},
            {{"column", true}}, {{"column", {4}}}, {{"column", {{"x", 4}}}},
            {{"column", 0}}, {{"column", 8}}, {{"column", -1}}, {{"column", 99999999999LL}},
            {{"column", -99999999999LL}}, {{"column", 18446744073709551615ULL}}, {{"column", 9223372036854775808ULL}},
        };
        for (const auto& body : bad)
        {
            INFO(body.dump());
            error.clear();
            std::optional<int> column;
            REQUIRE_NOTHROW(column = connect4::decodeMove(body, Board(), error));
            CHECK_FALSE(column);
            CHECK_FALSE(error.empty());
        }
    }

    SECTION("illegal moves are refused: a full column, a finished game")
    {
        CHECK_FALSE(connect4::decodeMove({{"column", 1}}, Board("111111"), error));
        CHECK_THAT(error, Catch::Contains("full"));
        CHECK(connect4::decodeMove({{"column", 2}}, Board("111111"), error) == 1);
        CHECK_FALSE(connect4::decodeMove({{"column", 3}}, Board("1212121"), error));
        CHECK_THAT(error, Catch::Contains("over"));
    }

    SECTION("through a session: foreign, malformed and illegal messages leave the board as it was")
    {
        const connect4::Game game;
        std::vector<std::string> sent;
        engine::Session session(game, "me", [&sent](const std::string& text) { sent.push_back(text); return true; });
        session.partnerArrived(false, "them"); // the partner starts as Red
        const auto& round = static_cast<const connect4::Round&>(*session.round());

        const auto partnerPlays = [&session](int column)
        { session.receive(R"({"game":"connect4","v":1,"type":"move","round":1,"column":)" + std::to_string(column) + "}"); };
        for (int i = 0; i < 3; ++i)
        {
            partnerPlays(1);
            REQUIRE(session.act("1"));
        }
        REQUIRE(round.board() == Board("111111"));
        const Board before = round.board();

        const std::pair<const char*, const char*> refused[] = {
            {R"({"game":"tictactoe","v":1,"type":"move","round":1,"cell":4})", "partner plays tictactoe v1"},
            {R"({"game":"connect4","v":2,"type":"move","round":1,"column":2})", "partner uses protocol v2"},
            {R"({"game":"connect4","v":1,"type":"move","round":1,"column":8})", "column 8 is outside 1..7"},
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
            CHECK(round.board() == before);
        }
        CHECK(session.phase() == engine::Phase::Playing);

        partnerPlays(1);
        CHECK_THAT(session.notice(), Catch::Contains("full"));
        CHECK(round.board() == before);
        partnerPlays(4);
        CHECK(session.notice().empty());
        REQUIRE(round.board() == Board("1111114"));
        partnerPlays(5);
        CHECK_THAT(session.notice(), Catch::Contains("not the partner's turn"));
        REQUIRE_FALSE(session.act("1"));
        CHECK_THAT(session.notice(), Catch::Contains("full"));
        REQUIRE(session.act("4"));
        CHECK(round.board() == Board("11111144"));
        CHECK(nlohmann::json::parse(sent.back()) ==
              nlohmann::json{{"game", "connect4"}, {"v", 1}, {"type", "move"}, {"round", 1}, {"column", 4}});
    }
}
