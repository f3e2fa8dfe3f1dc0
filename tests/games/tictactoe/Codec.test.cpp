#include <catch2/catch.hpp>

#include <mqttgames/engine/Session.hpp>
#include <mqttgames/tictactoe/Codec.hpp>
#include <mqttgames/tictactoe/Game.hpp>
#include <mqttgames/tictactoe/Round.hpp>

using tictactoe::Board;

TEST_CASE("tictactoe::Codec")
{
    std::string error;

    SECTION("a move is {\"cell\": 1..9} and reads back as the same cell")
    {
        CHECK(tictactoe::encodeMove(4) == nlohmann::json{{"cell", 5}});
        for (int cell = 0; cell < Board::CellCount; ++cell)
            CHECK(tictactoe::decodeMove(tictactoe::encodeMove(cell), Board(), error) == cell);
    }

    SECTION("malformed bodies are refused with a reason, without throwing")
    {
        const nlohmann::json bad[] = {
            nullptr, 5, "cell", nlohmann::json::array({1}), nlohmann::json::object(),
            {{"cell", "5"}}, {{"cell", 5.5}}, {{"cell", nullptr}}, {{"cell", true}}, {{"cell", {1, 2}}},
            {{"cell", 0}}, {{"cell", 10}}, {{"cell", -3}}, {{"cell", 99999999999LL}},
        };
        for (const auto& body : bad)
        {
            INFO(body.dump());
            error.clear();
            std::optional<int> cell;
            REQUIRE_NOTHROW(cell = tictactoe::decodeMove(body, Board(), error));
            CHECK_FALSE(cell);
            CHECK_FALSE(error.empty());
        }
    }

    SECTION("illegal moves are refused: a taken cell, a finished game")
    {
        CHECK_FALSE(tictactoe::decodeMove({{"cell", 5}}, Board("5"), error));
        CHECK_THAT(error, Catch::Contains("taken"));
        CHECK_FALSE(tictactoe::decodeMove({{"cell", 9}}, Board("14253"), error));
        CHECK_THAT(error, Catch::Contains("over"));
    }

    SECTION("through a session: foreign, malformed and illegal messages leave the board as it was")
    {
        const tictactoe::Game game;
        std::vector<std::string> sent;
        engine::Session session(game, "me", [&sent](const std::string& text) { sent.push_back(text); return true; });
        session.partnerArrived(false, "them"); // the partner starts as X
        const auto& round = static_cast<const tictactoe::Round&>(*session.round());

        session.receive(R"({"game":"tictactoe","v":1,"type":"move","round":1,"cell":5})");
        REQUIRE(round.board() == Board("5"));
        const Board before = round.board();

        const std::pair<const char*, const char*> refused[] = {
            {R"({"game":"connect4","v":1,"type":"move","round":1,"column":4})", "partner plays connect4 v1"},
            {R"({"game":"tictactoe","v":2,"type":"move","round":1,"cell":1})", "partner uses protocol v2"},
            {R"({"game":"tictactoe","v":1,"type":"move","round":1,"cell":5})", "taken"},     // and not their turn
            {R"({"game":"tictactoe","v":1,"type":"move","round":1,"cell":"1"})", "refused"},
            {R"({"game":"tictactoe","v":1,"type":"warp","round":1})", "refused"},
            {R"({"game":"tictactoe","v":1,"type":"move","round":1)", "malformed"},
        };
        for (const auto& [text, why] : refused)
        {
            INFO(text);
            REQUIRE_NOTHROW(session.receive(text));
            CHECK_THAT(session.notice(), Catch::Contains(why) || Catch::Contains("refused"));
            CHECK(round.board() == before);
        }
        CHECK(session.phase() == engine::Phase::Playing);
        REQUIRE(session.act("1"));
        CHECK(round.board() == Board("51"));
        CHECK(nlohmann::json::parse(sent.back()) ==
              nlohmann::json{{"game", "tictactoe"}, {"v", 1}, {"type", "move"}, {"round", 1}, {"cell", 1}});
    }
}
