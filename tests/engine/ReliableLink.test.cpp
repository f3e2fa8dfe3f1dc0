#include <catch2/catch.hpp>

#include <mqttgames/engine/ReliableLink.hpp>

using namespace std::chrono_literals;
using engine::ReliableLink;
using Verdict = ReliableLink::Verdict;
using Texts = std::vector<std::string>;

TEST_CASE("engine::ReliableLink")
{
    const ReliableLink::TimePoint start{};
    ReliableLink link(2s);

    SECTION("outgoing messages are numbered from 1, in order")
    {
        CHECK(link.nextSequence() == 1);
        CHECK(link.push("a", start) == 1);
        CHECK(link.push("b", start) == 2);
        CHECK(link.nextSequence() == 3);
        CHECK(link.pendingCount() == 2);
    }

    SECTION("incoming messages are delivered in order; duplicates are dropped")
    {
        CHECK(link.receive(1) == Verdict::Deliver);
        CHECK(link.receive(2) == Verdict::Deliver);
        CHECK(link.delivered() == 2);
        CHECK(link.receive(2) == Verdict::Duplicate);
        CHECK(link.receive(1) == Verdict::Duplicate);
        CHECK(link.delivered() == 2);
        CHECK(link.receive(3) == Verdict::Deliver);
    }

    SECTION("a message past a gap is dropped until the missing one came, then taken when sent again")
    {
        REQUIRE(link.receive(1) == Verdict::Deliver);
        CHECK(link.receive(3) == Verdict::Gap);
        CHECK(link.delivered() == 1);
        CHECK(link.receive(2) == Verdict::Deliver);
        CHECK(link.receive(3) == Verdict::Deliver);
        CHECK(link.delivered() == 3);
    }

    SECTION("an ack is cumulative and ignores numbers never sent")
    {
        for (const char* text : {"a", "b", "c"})
            link.push(text, start);
        link.acknowledge(2);
        CHECK(link.pendingCount() == 1);
        CHECK(link.resendAll(start) == Texts{"c"});
        link.acknowledge(1); // late, already covered
        CHECK(link.pendingCount() == 1);
        link.acknowledge(9); // never sent: a stale or forged ack must not drop "c"
        CHECK(link.pendingCount() == 1);
        link.acknowledge(3);
        CHECK(link.pendingCount() == 0);
        CHECK(link.resendAll(start).empty());
    }

    SECTION("unacknowledged messages are sent again, all in order, once the oldest waited an interval")
    {
        link.push("a", start);
        link.push("b", start + 1500ms);
        CHECK(link.nextDue() == start + 2s);
        CHECK(link.due(start + 1999ms).empty());
        CHECK(link.due(start + 2s) == Texts{"a", "b"});
        // Sent again just now: the next turn is an interval later.
        CHECK(link.due(start + 3s).empty());
        CHECK(link.nextDue() == start + 4s);
        link.acknowledge(1);
        CHECK(link.due(start + 4s) == Texts{"b"});
        link.acknowledge(2);
        CHECK_FALSE(link.nextDue());
        CHECK(link.due(start + 10s).empty());
    }

    SECTION("a resume sends everything kept at once and restarts the timer")
    {
        link.push("a", start);
        link.push("b", start);
        CHECK(link.resendAll(start + 500ms) == Texts{"a", "b"});
        CHECK(link.due(start + 2s).empty());
        CHECK(link.nextDue() == start + 2500ms);
    }

    SECTION("a reset starts over for a new partner")
    {
        link.push("a", start);
        REQUIRE(link.receive(1) == Verdict::Deliver);
        link.reset();
        CHECK(link.nextSequence() == 1);
        CHECK(link.pendingCount() == 0);
        CHECK(link.delivered() == 0);
        CHECK(link.receive(1) == Verdict::Deliver);
        CHECK_FALSE(link.nextDue());
    }
}
