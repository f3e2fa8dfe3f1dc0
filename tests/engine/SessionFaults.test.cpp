#include <catch2/catch.hpp>

#include <algorithm>
#include <deque>

#include <mqttgames/engine/Envelope.hpp>
#include <mqttgames/engine/Session.hpp>

#include "FakeGame.hpp"

using namespace std::chrono_literals;
using engine::Phase;

namespace
{

// Two sessions joined by in-memory mailboxes and one fake clock. A side whose link is down cannot
// send (as a GameClient that is not Ready); what is in a mailbox can be lost or delivered twice.
struct Pair
{
    FakeGame game;
    engine::Session::TimePoint now{};
    std::deque<std::string> toA;
    std::deque<std::string> toB;
    bool aUp = true;
    bool bUp = true;
    engine::Session a{game, "alice", [this](const std::string& text) { return aUp && (toB.push_back(text), true); }};
    engine::Session b{game, "bob", [this](const std::string& text) { return bUp && (toA.push_back(text), true); }};

    Pair()
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
    static const FakeRound& roundOf(const engine::Session& session) { return static_cast<const FakeRound&>(*session.round()); }
    static bool logged(const engine::Session& session, const std::string& text)
    {
        return std::any_of(session.log().begin(), session.log().end(), [&](const engine::LogEntry& e) { return e.text == text; });
    }
    static int notices(const engine::Session& session)
    {
        return static_cast<int>(std::count_if(session.log().begin(), session.log().end(),
                                              [](const engine::LogEntry& e) { return e.kind == engine::LogEntry::Kind::Notice; }));
    }
};

std::int64_t seqOf(const std::string& text)
{
    std::string error;
    const auto envelope = engine::decode(text, error);
    return envelope ? envelope->seq : -1;
}

} // namespace

TEST_CASE("engine::Session across faults")
{
    Pair pair;
    REQUIRE(pair.a.phase() == Phase::Playing);
    REQUIRE(pair.b.phase() == Phase::Playing);

    SECTION("messages are numbered per pairing from 1 and acknowledged")
    {
        CHECK(pair.a.link().pendingCount() == 0); // the hello was acknowledged
        CHECK(pair.b.link().delivered() == 1);
        REQUIRE(pair.a.act("5"));
        REQUIRE(pair.toB.size() == 1);
        CHECK(seqOf(pair.toB.front()) == 2);
        CHECK(pair.a.link().pendingCount() == 1);
        pair.deliver();
        CHECK(pair.a.link().pendingCount() == 0);
        CHECK(Pair::roundOf(pair.b).said == std::vector<int>{5});
    }

    SECTION("a lost move is sent again by the timer and applied once")
    {
        REQUIRE(pair.a.act("5"));
        pair.toB.clear(); // lost on the way
        pair.advance(1900ms);
        CHECK(pair.toB.empty());
        REQUIRE(pair.a.nextWake());
        pair.advance(100ms);
        REQUIRE(pair.toB.size() == 1);
        const std::string resent = pair.toB.front();
        pair.deliver();
        CHECK(Pair::roundOf(pair.b).said == std::vector<int>{5});
        CHECK(pair.a.link().pendingCount() == 0);
        CHECK_FALSE(pair.a.nextWake());

        // A late copy of the same message changes nothing, and is acknowledged again.
        pair.b.receive(resent);
        CHECK(pair.toA.size() == 1);
        pair.deliver();
        CHECK(Pair::roundOf(pair.b).said == std::vector<int>{5});
        CHECK(Pair::notices(pair.b) == 0);
    }

    SECTION("a message past a missing one waits until the missing one is sent again")
    {
        REQUIRE(pair.a.act("5"));
        const std::string move = pair.toB.front();
        pair.toB.clear();
        // A forged next message (seq 3) arrives first: it is not applied.
        engine::Envelope next{"fake", 1, "say", 1, {{"n", 7}}};
        next.seq = 3;
        pair.b.receive(engine::encode(next));
        CHECK(Pair::roundOf(pair.b).said.empty());
        pair.b.receive(move);
        CHECK(Pair::roundOf(pair.b).said == std::vector<int>{5});
    }

    SECTION("a bye shows at once that the partner left; its DISCONNECT then changes nothing")
    {
        pair.b.receive(pair.a.farewell());
        CHECK(pair.b.phase() == Phase::PartnerLeft);
        CHECK(pair.b.log().back().text == "alice left");
        pair.b.partnerDisconnected();
        CHECK(pair.b.phase() == Phase::PartnerLeft);
        CHECK_FALSE(pair.b.gaveUpWaiting());
        CHECK_FALSE(pair.b.canResume());
        CHECK(pair.b.log().back().text == "alice left");
        CHECK(pair.b.farewell().empty()); // nobody left to tell
    }

    SECTION("a DISCONNECT without a bye: the partner is away, our move waits and goes out on the resume")
    {
        pair.b.connectionLost();
        pair.bUp = false;
        pair.a.partnerDisconnected();
        CHECK(pair.b.phase() == Phase::Reconnecting);
        CHECK(Pair::logged(pair.b, "connection lost \xE2\x80\x94 reconnecting\xE2\x80\xA6"));
        CHECK(pair.a.phase() == Phase::PartnerAway);
        CHECK(Pair::logged(pair.a, "bob lost the connection \xE2\x80\x94 waiting up to 60 s"));
        CHECK(pair.a.graceLeft() == 60s);

        REQUIRE(pair.a.isLocalTurn());
        REQUIRE(pair.a.act("5")); // kept: nobody to send it to yet
        CHECK(pair.toB.empty());
        pair.advance(5s);
        CHECK(pair.toB.empty()); // no resends into a link that is down
        CHECK(pair.a.phase() == Phase::PartnerAway);

        pair.bUp = true;
        REQUIRE(pair.a.canResume());
        REQUIRE(pair.b.canResume());
        pair.a.partnerBack();
        pair.b.partnerBack();
        CHECK(pair.a.phase() == Phase::Playing);
        CHECK(pair.b.phase() == Phase::Playing);
        pair.deliver();
        CHECK(Pair::roundOf(pair.b).said == std::vector<int>{5});
        CHECK(pair.a.link().pendingCount() == 0);
        REQUIRE(pair.b.act("3"));
        pair.deliver();
        CHECK(Pair::roundOf(pair.a).said == std::vector<int>{5, 3});
        CHECK(Pair::notices(pair.a) + Pair::notices(pair.b) == 0);
    }

    SECTION("a partner that vanishes before we heard a word from it counts as left, not away")
    {
        engine::Session carol{pair.game, "carol", [](const std::string&) { return true; }};
        carol.partnerArrived(true, "dave");
        carol.partnerDisconnected();
        CHECK(carol.phase() == Phase::PartnerLeft);
        CHECK_FALSE(carol.gaveUpWaiting());
    }

    SECTION("after the grace period an away partner counts as gone; if it comes back after all, the round goes on")
    {
        pair.a.setGracePeriod(10s);
        pair.a.partnerDisconnected();
        REQUIRE(pair.a.nextWake() == pair.now + 10s);
        pair.advance(9s);
        CHECK(pair.a.phase() == Phase::PartnerAway);
        CHECK(pair.a.graceLeft() == 1s);
        pair.advance(1s);
        CHECK(pair.a.phase() == Phase::PartnerLeft);
        CHECK(pair.a.gaveUpWaiting());
        CHECK(pair.a.log().back().text == "gave up waiting for bob after 10 s");
        CHECK_FALSE(pair.a.act("5"));

        REQUIRE(pair.a.canResume());
        pair.a.partnerBack();
        CHECK(pair.a.phase() == Phase::Playing);
        CHECK(pair.a.act("5"));
    }

    SECTION("a partner that paired anew while we resumed is followed into a new pairing")
    {
        REQUIRE(pair.a.act("5"));
        pair.deliver();
        pair.a.connectionLost();
        pair.a.partnerBack();                  // we think we resume...
        pair.b.partnerArrived(false, "alice"); // ...but bob had given us up and paired anew
        // Our ack of the old pairing reaches bob's new one: it must not count as an ack of the new hello.
        REQUIRE(pair.toB.size() == 1);
        pair.b.receive(pair.toB.front());
        pair.toB.clear();
        CHECK(pair.b.link().pendingCount() == 1);
        pair.deliver();
        CHECK(pair.a.roundNumber() == 1);
        CHECK(Pair::roundOf(pair.a).said.empty());
        CHECK(Pair::roundOf(pair.b).said.empty());
        REQUIRE(pair.a.act("7"));
        pair.deliver();
        CHECK(Pair::roundOf(pair.b).said == std::vector<int>{7});
        CHECK(pair.a.link().pendingCount() == 0);
        CHECK(pair.b.link().pendingCount() == 0);
    }

    SECTION("an older peer's unnumbered messages are taken, and nothing is numbered for it")
    {
        pair.toA.clear();
        pair.b.receive(R"({"game":"fake","v":1,"type":"say","round":1,"n":3})");
        CHECK(Pair::roundOf(pair.b).said == std::vector<int>{3});
        CHECK(pair.toA.empty()); // no ack
        REQUIRE(pair.b.act("4"));
        REQUIRE(pair.toA.size() == 1);
        CHECK(seqOf(pair.toA.front()) == 0);
        CHECK(pair.b.link().pendingCount() == 0);
    }
}
