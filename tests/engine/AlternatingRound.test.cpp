#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include <mqttgames/engine/AlternatingRound.hpp>
#include <mqttgames/testing/WiredRound.hpp>
#include <mqttgames/engine/JsonFields.hpp>

namespace
{

// Sides say a digit in turn, three in all; First wins when its larger digit beats Second's one.
class DigitRound : public engine::AlternatingRound
{
public:
    explicit DigitRound(bool localStarts) : AlternatingRound(localStarts) {}

    std::vector<int> said;

    std::string boardText() const override { return std::to_string(said.size()) + " said\n"; }
    std::string notationHelp() const override { return "a digit 1-9"; }
    std::string lastEventText() const override { return said.empty() ? "" : std::to_string(said.back()); }
    engine::BotJob botJob(int) const override { return {}; }
    bool load(std::string_view, std::string&) override { return false; }

private:
    bool gameOver() const override { return said.size() == 3; }
    Seat seatToMove() const override { return said.size() % 2 == 0 ? Seat::First : Seat::Second; }
    std::optional<Seat> winner() const override
    {
        const int first = std::max(said[0], said[2]);
        if (first == said[1])
            return std::nullopt;
        return first > said[1] ? Seat::First : Seat::Second;
    }
    std::string seatName(Seat seat) const override { return seat == Seat::First ? "Ann" : "Bo"; }
    bool playLocal(std::string_view action, nlohmann::json& move, std::string& error) override
    {
        if (action.size() != 1 || action[0] < '1' || action[0] > '9')
        {
            error = "not a digit";
            return false;
        }
        said.push_back(action[0] - '0');
        move = {{"digit", said.back()}};
        return true;
    }
    bool playRemote(const nlohmann::json& move, std::string& error) override
    {
        const auto digit = engine::JsonFields(move, "move", error).integer("digit", 1, 9);
        if (!digit)
            return false;
        said.push_back(static_cast<int>(*digit));
        return true;
    }
};

struct Sent
{
    std::string type;
    nlohmann::json body;
};

} // namespace

TEST_CASE("engine::AlternatingRound")
{
    std::vector<Sent> sent;
    const testing::Outbox outbox = [&sent](const std::string& type, nlohmann::json body) { sent.push_back({type, std::move(body)}); };
    std::string error;

    SECTION("the starter is First; turns alternate between local actions and the partner's moves")
    {
        testing::WiredRound<DigitRound> round(outbox, true);
        CHECK(round.localSeat() == engine::AlternatingRound::Seat::First);
        CHECK(round.localSide() == "Ann");
        CHECK(round.remoteSide() == "Bo");
        CHECK(round.turn() == engine::Turn::Local);
        REQUIRE(round.act("7", error));
        REQUIRE(sent.size() == 1);
        CHECK(sent[0].type == "move");
        CHECK(sent[0].body == nlohmann::json{{"digit", 7}});
        CHECK(round.turn() == engine::Turn::Remote);
        REQUIRE(round.receive("move", {{"digit", 8}}, error));
        CHECK(round.turn() == engine::Turn::Local);
        CHECK(round.outcome() == engine::Outcome::Undecided);
        CHECK(round.resultText().empty());
    }

    SECTION("out of turn, a local action and a partner's move are refused and change nothing")
    {
        testing::WiredRound<DigitRound> second(outbox, false);
        CHECK(second.localSide() == "Bo");
        CHECK(second.turn() == engine::Turn::Remote);
        CHECK_FALSE(second.act("5", error));
        CHECK(error == "it is not your turn");
        REQUIRE(second.receive("move", {{"digit", 3}}, error));
        CHECK_FALSE(second.receive("move", {{"digit", 4}}, error));
        CHECK(error == "it is not the partner's turn");
        CHECK(second.said == std::vector<int>{3});
        CHECK(sent.empty());
    }

    SECTION("a message that is no move, or a move the game refuses, changes nothing")
    {
        testing::WiredRound<DigitRound> round(outbox, false);
        CHECK_FALSE(round.receive("say", {{"digit", 3}}, error));
        CHECK(error == "unknown message \"say\"");
        CHECK_FALSE(round.receive("move", {{"digit", 0}}, error));
        CHECK(error == "digit 0 is outside 1..9");
        CHECK(round.said.empty());
        CHECK(round.turn() == engine::Turn::Remote);
    }

    SECTION("the outcome is seen from each side, and nothing is played after the end")
    {
        testing::WiredRound<DigitRound> ann(outbox, true);
        testing::WiredRound<DigitRound> bo(outbox, false);
        for (const char* digit : {"4", "6", "5"})
        {
            testing::WiredRound<DigitRound>& mover = ann.turn() == engine::Turn::Local ? ann : bo;
            testing::WiredRound<DigitRound>& other = &mover == &ann ? bo : ann;
            REQUIRE(mover.act(digit, error));
            REQUIRE(other.receive("move", sent.back().body, error));
        }
        CHECK(ann.outcome() == engine::Outcome::Lost);
        CHECK(bo.outcome() == engine::Outcome::Won);
        CHECK(ann.isOver());
        CHECK(ann.resultText() == "Bo wins");
        CHECK(bo.resultText() == "Bo wins");
        CHECK(ann.turn() == engine::Turn::None);
        CHECK_FALSE(ann.act("9", error));
        CHECK(error == "the game is over");
        CHECK_FALSE(bo.receive("move", {{"digit", 9}}, error));
        CHECK(error == "the game is over");
        CHECK(sent.size() == 3);
    }

    SECTION("a tie is a draw on both sides")
    {
        testing::WiredRound<DigitRound> round(outbox, true);
        round.said = {5, 5, 2};
        CHECK(round.outcome() == engine::Outcome::Draw);
        CHECK(round.resultText() == "Draw");
    }
}
