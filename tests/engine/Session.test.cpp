#include <catch2/catch.hpp>

#include <deque>

#include <mqttgames/engine/Session.hpp>
#include <mqttgames/mqtt/SafeText.hpp>

#include "FakeGame.hpp"

namespace
{

// Two sessions joined by in-memory mailboxes: what one sends, the other receives on deliver().
struct Pair
{
    FakeGame game;
    std::deque<std::string> toA;
    std::deque<std::string> toB;
    engine::Session a{game, "alice", [this](const std::string& text) { toB.push_back(text); return true; }};
    engine::Session b{game, "bob", [this](const std::string& text) { toA.push_back(text); return true; }};

    void deliver()
    {
        while (!toA.empty() || !toB.empty())
        {
            for (; !toA.empty(); toA.pop_front())
                a.receive(toA.front());
            for (; !toB.empty(); toB.pop_front())
                b.receive(toB.front());
        }
    }
    const FakeRound& roundOf(const engine::Session& session) const { return static_cast<const FakeRound&>(*session.round()); }
};

} // namespace

TEST_CASE("engine::Session")
{
    Pair pair;
    pair.a.partnerArrived(true, "bob");
    pair.b.partnerArrived(false, "alice");
    pair.deliver();

    SECTION("the first client starts, and moves reach the partner")
    {
        REQUIRE(pair.a.phase() == engine::Phase::Playing);
        CHECK(pair.a.isLocalTurn());
        CHECK_FALSE(pair.b.isLocalTurn());
        CHECK(pair.a.partnerName() == "bob");
        CHECK(pair.b.partnerName() == "alice");
        REQUIRE(pair.a.act("5"));
        pair.deliver();
        CHECK(pair.roundOf(pair.b).said == std::vector<int>{5});
        CHECK(pair.b.isLocalTurn());
    }

    SECTION("acting out of turn is refused with a notice")
    {
        CHECK_FALSE(pair.b.act("5"));
        CHECK(pair.b.notice() == "it is not your turn");
        CHECK(pair.roundOf(pair.b).said.empty());
        CHECK(pair.toA.empty());
    }

    SECTION("another game's or version's message is named and leaves the round as it was")
    {
        pair.b.receive(R"({"game":"connect4","v":1,"type":"move","column":3})");
        CHECK(pair.b.notice() == "partner plays connect4 v1");
        pair.b.receive(R"({"game":"fake","v":2,"type":"say","round":1,"n":3})");
        CHECK_THAT(pair.b.notice(), Catch::StartsWith("partner uses protocol v2"));
        CHECK(pair.roundOf(pair.b).said.empty());
    }

    SECTION("malformed, illegal and stale messages are refused without throwing")
    {
        for (const char* text : {"garbage", "{\"game\":\"fake\"}", R"({"game":"fake","v":1,"type":"say","round":1,"n":"x"})",
                                 R"({"game":"fake","v":1,"type":"say","round":7,"n":3})"})
        {
            INFO(text);
            REQUIRE_NOTHROW(pair.b.receive(text));
            CHECK_FALSE(pair.b.notice().empty());
            CHECK(pair.roundOf(pair.b).said.empty());
        }
    }

    SECTION("after a round both must agree to play again, and the other player starts")
    {
        for (const char* move : {"5", "9", "1"})
        {
            engine::Session& mover = pair.a.isLocalTurn() ? pair.a : pair.b;
            REQUIRE(mover.act(move));
            pair.deliver();
        }
        REQUIRE(pair.a.phase() == engine::Phase::RoundOver);
        REQUIRE(pair.b.phase() == engine::Phase::RoundOver);
        CHECK(pair.a.losses() == 1);
        CHECK(pair.b.wins() == 1);

        pair.a.requestRematch();
        pair.deliver();
        CHECK(pair.a.phase() == engine::Phase::RoundOver);
        CHECK(pair.b.partnerWantsRematch());
        pair.b.requestRematch();
        pair.deliver();
        REQUIRE(pair.a.phase() == engine::Phase::Playing);
        REQUIRE(pair.b.phase() == engine::Phase::Playing);
        CHECK(pair.a.roundNumber() == 2);
        CHECK(pair.b.roundNumber() == 2);
        CHECK(pair.b.isLocalTurn());
        CHECK_FALSE(pair.a.isLocalTurn());
    }

    SECTION("a partner who leaves is shown, and the log says so")
    {
        pair.a.partnerLeft();
        CHECK(pair.a.phase() == engine::Phase::PartnerLeft);
        CHECK(pair.a.log().back().text == "bob left");
        CHECK_FALSE(pair.a.act("5"));
    }

    SECTION("a JSON hello's name is cleaned as the wire's is; a name with nothing printable changes nothing")
    {
        const auto hello = [](const std::string& name)
        { return nlohmann::json{{"game", "fake"}, {"v", 1}, {"type", "hello"}, {"name", name}, {"pairing", "t1"}}.dump(); };
        pair.b.receive(hello("\x1B]0;owned\x07" "Eve\xE2\x80\xAE" + std::string(40, 'x')));
        const std::string& name = pair.b.partnerName();
        CHECK(name.find('\x1B') == std::string::npos);
        CHECK(name.find("\xE2\x80\xAE") == std::string::npos);
        CHECK(name.starts_with("]0;ownedEve"));
        CHECK(name.size() == mqtt::text::MaxNameLength);
        pair.b.receive(hello("\x01\x02 "));
        CHECK(pair.b.partnerName() == name);
    }

    SECTION("notices that quote the partner are printable and cut short; the log keeps its last entries")
    {
        const std::string hostileGame = "\x1B[2J" + std::string(5000, 'g');
        const std::string text = nlohmann::json{{"game", hostileGame}, {"v", 1}, {"type", "move"}}.dump();
        pair.b.receive(text);
        CHECK(pair.b.notice().find('\x1B') == std::string::npos);
        CHECK(pair.b.notice().starts_with("partner plays [2Jggg"));
        CHECK(pair.b.notice().size() <= engine::Session::MaxNoticeLength * 3); // characters, at most 3 bytes each here
        CHECK(pair.b.log().back().text == pair.b.notice());

        const std::size_t before = pair.b.log().size() + pair.b.logDropped();
        for (std::size_t i = 0; i < engine::Session::MaxLogEntries + 100; ++i)
            pair.b.receive(text);
        CHECK(pair.b.log().size() == engine::Session::MaxLogEntries);
        CHECK(pair.b.logDropped() == before + engine::Session::MaxLogEntries + 100 - engine::Session::MaxLogEntries);
    }
}
