#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>

#include <mqttgames/engine/Session.hpp>

#include "FakeGame.hpp"

using namespace std::chrono_literals;
using engine::Outcome;
using engine::Phase;

namespace
{

// What a side does once the three numbers are said: sign the round (the partner's check of it),
// sign it falsely (a cheat the partner catches), or never sign.
enum class Signs
{
    Honestly,
    Falsely,
    Never,
};

// The fake round with a settle phase: once over, each side sends {"type":"sign","ok":...} and waits
// for the partner's. A false signature makes its signer forfeit, as a caught cheat does.
class SettlingRound : public FakeRound
{
public:
    SettlingRound(bool localStarts, Signs signs) : FakeRound(localStarts), m_signs(signs) {}

    engine::Outcome outcome() const override { return m_partnerCheated ? Outcome::Won : FakeRound::outcome(); }
    std::string resultText() const override
    {
        if (!isOver())
            return "";
        return std::string("over") + (m_timedOut ? "; partner did not sign: not verified" : m_signed ? "; signed" : "");
    }
    engine::Reply act(std::string_view action) override { return signIfOver(FakeRound::act(action)); }
    engine::Reply receive(const std::string& type, const nlohmann::json& body) override
    {
        if (type != "sign")
            return signIfOver(FakeRound::receive(type, body));
        const auto ok = body.find("ok");
        if (!isSettling() || ok == body.end() || !ok->is_boolean())
            return engine::Reply::refuse("bad sign");
        m_signed = true;
        m_partnerCheated = !ok->get<bool>();
        return engine::Reply::accept();
    }
    bool isSettling() const override { return isOver() && !m_signed && !m_timedOut; }
    std::chrono::milliseconds settleTimeout() const override { return 30s; }
    void settleTimedOut() override { m_timedOut = true; }
    std::string statusText() const override { return isSettling() ? "verifying" : ""; }

private:
    // Adds the signature to an accepted reply that ended the round.
    engine::Reply signIfOver(engine::Reply reply)
    {
        if (!reply.accepted || !isOver() || m_sent || m_signs == Signs::Never)
            return reply;
        m_sent = true;
        reply.send.push_back({"sign", {{"ok", m_signs == Signs::Honestly}}});
        return reply;
    }

    Signs m_signs;
    bool m_sent = false;
    bool m_signed = false;
    bool m_partnerCheated = false;
    bool m_timedOut = false;
};

class SettlingGame : public FakeGame
{
public:
    explicit SettlingGame(Signs signs) : m_signs(signs) {}
    std::unique_ptr<engine::Round> newRound(const engine::RoundSetup& setup) const override
    {
        return std::make_unique<SettlingRound>(setup.localStarts, m_signs);
    }

private:
    Signs m_signs;
};

// Alice signs honestly; bob signs as told. One fake clock; bob's messages can be held back.
struct Table
{
    explicit Table(Signs bobSigns) : bobGame(bobSigns)
    {
        a.setClock([this] { return now; });
        b.setClock([this] { return now; });
        a.partnerArrived(true, "bob");
        b.partnerArrived(false, "alice");
        deliver();
    }
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
    void advance(std::chrono::milliseconds by)
    {
        now += by;
        a.update();
        b.update();
    }
    // Alice says 1, bob 9, alice 1: bob wins, and both rounds are over on the last number.
    void playToTheEnd()
    {
        REQUIRE(a.act("1"));
        deliver();
        REQUIRE(b.act("9"));
        deliver();
        REQUIRE(a.act("1"));
    }
    static bool logged(const engine::Session& session, const std::string& text)
    {
        return std::any_of(session.log().begin(), session.log().end(), [&](const engine::LogEntry& e) { return e.text == text; });
    }

    SettlingGame aliceGame{Signs::Honestly};
    SettlingGame bobGame;
    engine::Session::TimePoint now{};
    std::deque<std::string> toA;
    std::deque<std::string> toB;
    engine::Session a{aliceGame, "alice", [this](const std::string& text) { return toB.push_back(text), true; }};
    engine::Session b{bobGame, "bob", [this](const std::string& text) { return toA.push_back(text), true; }};
};

} // namespace

TEST_CASE("engine::Session settles a finished round")
{
    SECTION("a finished round still takes the partner's settling message, and its result says so")
    {
        Table table(Signs::Honestly);
        table.playToTheEnd();
        REQUIRE(table.a.phase() == Phase::RoundOver);
        CHECK(table.a.round()->isSettling());
        CHECK(table.a.settleDeadline());
        CHECK(table.a.losses() == 1);

        table.deliver();
        CHECK_FALSE(table.a.round()->isSettling());
        CHECK_FALSE(table.b.round()->isSettling());
        CHECK_FALSE(table.a.settleDeadline());
        CHECK(table.a.round()->resultText() == "over; signed");
        CHECK(table.b.round()->resultText() == "over; signed");
        CHECK(table.a.notice().empty());
        CHECK(table.a.losses() == 1);
        CHECK(table.b.wins() == 1);
        CHECK(table.a.roundsFinished() == 1);
        CHECK(Table::logged(table.a, "over; signed (you lost)"));
    }

    SECTION("a settling message that changes the result changes the score")
    {
        Table table(Signs::Falsely);
        table.playToTheEnd();
        table.deliver();
        CHECK(table.a.round()->outcome() == Outcome::Won);
        CHECK(table.a.wins() == 1);
        CHECK(table.a.losses() == 0);
        CHECK(table.a.roundsFinished() == 1);
    }

    SECTION("a partner that never settles is reported after the timeout, not before")
    {
        Table table(Signs::Never);
        table.playToTheEnd();
        table.deliver();
        REQUIRE(table.a.round()->isSettling());
        const auto deadline = table.a.settleDeadline();
        REQUIRE(deadline);
        CHECK(table.a.nextWake() <= *deadline);
        CHECK(*deadline - table.now == 30s);

        table.advance(29s);
        CHECK(table.a.round()->isSettling());
        table.advance(1s);
        CHECK_FALSE(table.a.round()->isSettling());
        CHECK_FALSE(table.a.settleDeadline());
        CHECK(table.a.round()->resultText() == "over; partner did not sign: not verified");
        CHECK(Table::logged(table.a, "over; partner did not sign: not verified (you lost)"));
        CHECK(table.a.roundsFinished() == 1);
        // Bob got alice's signature: its round settled at once.
        CHECK(table.b.round()->resultText() == "over; signed");
    }

    SECTION("the wait holds while the partner is away, and starts again when it is back")
    {
        Table table(Signs::Never);
        table.playToTheEnd();
        table.deliver();
        table.a.partnerDisconnected();
        REQUIRE(table.a.phase() == Phase::PartnerAway);
        table.advance(45s);
        CHECK(table.a.round()->isSettling());
        table.a.partnerBack();
        table.advance(29s);
        CHECK(table.a.round()->isSettling());
        table.advance(1s);
        CHECK_FALSE(table.a.round()->isSettling());
    }

    SECTION("a new round ends the wait for the old one, and the old one's message is then stale")
    {
        Table table(Signs::Never);
        table.playToTheEnd();
        table.deliver();
        table.a.requestRematch();
        table.b.requestRematch();
        table.deliver();
        REQUIRE(table.a.roundNumber() == 2);
        CHECK(table.a.phase() == Phase::Playing);
        CHECK_FALSE(table.a.settleDeadline());
        table.advance(31s);
        CHECK(table.a.roundsFinished() == 1);
    }
}
