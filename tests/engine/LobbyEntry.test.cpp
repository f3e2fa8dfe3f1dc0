// What a reader of the lobby accepts: anybody may publish there, so every field is checked.
#include <catch2/catch.hpp>

#include <string>

#include <mqttgames/engine/LobbyEntry.hpp>

using namespace std::chrono_literals;
using Clock = engine::LobbyEntry::Clock;

namespace
{

const Clock::time_point Now = Clock::time_point(1'800'000'000s);

std::string refusal(const std::string& id, const std::string& payload)
{
    std::string error;
    const auto entry = engine::decodeLobbyEntry(id, payload, Now, error);
    CHECK_FALSE(entry);
    return error;
}

std::string payload(const std::string& room, const std::string& name, long long since, long long seen)
{
    return R"({"room":")" + room + R"(","name":")" + name + R"(","since":)" + std::to_string(since) + R"(,"seen":)" +
           std::to_string(seen) + "}";
}

} // namespace

TEST_CASE("A lobby entry reads back as written")
{
    const engine::LobbyEntry entry{"abc123", "kitchen", "Ann", Now - 125s, Now - 5s};
    std::string error;
    const auto read = engine::decodeLobbyEntry("abc123", engine::encodeLobbyEntry(entry), Now, error);
    REQUIRE(read);
    CHECK(error.empty());
    CHECK(read->id == "abc123");
    CHECK(read->room == "kitchen");
    CHECK(read->name == "Ann");
    CHECK(read->since == entry.since);
    CHECK(read->seen == entry.seen);
    CHECK(read->clock.isNone());
    CHECK(engine::waitingFor(*read, Now) == "2 min");
    CHECK(engine::waitingFor(*read, Now - 120s) == "just now");
    CHECK(engine::waitingFor(*read, Now + 2h) == "2 h 2 min");
    CHECK_FALSE(read->isStale(Now));
    CHECK(read->isStale(Now + engine::LobbyEntry::StaleAfter + 1s));
}

TEST_CASE("A lobby entry carries the room's clock")
{
    std::string error;
    engine::LobbyEntry entry{"abc123", "kitchen", "Ann", Now, Now, engine::TimeControl::parse("5m+3s", error).value()};
    const auto read = engine::decodeLobbyEntry("abc123", engine::encodeLobbyEntry(entry), Now, error);
    REQUIRE(read);
    CHECK(read->clock.text() == "5m+3s");
    CHECK(engine::encodeLobbyEntry(entry).find(R"("clock":"5m+3s")") != std::string::npos);
    CHECK(refusal("a", R"({"room":"k","name":"Ann","since":1,"seen":2,"clock":"soon"})") == "the entry's clock is no time control");
    CHECK(refusal("a", R"({"room":"k","name":"Ann","since":1,"seen":2,"clock":300})") == "the entry's clock is no time control");
}

TEST_CASE("Malformed, forged and oversized lobby entries are refused with a reason")
{
    const long long now = 1'800'000'000;
    CHECK(refusal("a", "not json") == "the entry is not an object");
    CHECK(refusal("a", "[1,2]") == "the entry is not an object");
    CHECK(refusal("a", R"({"room":"kitchen","name":"Ann","since":1})").find("seen") != std::string::npos);
    CHECK(refusal("a", R"({"room":7,"name":"Ann","since":1,"seen":2})").find("room") != std::string::npos);
    CHECK(refusal("a", R"({"room":"k","name":"Ann","since":1.5,"seen":2})").find("since") != std::string::npos);
    CHECK(refusal("a", R"({"room":"k","name":"Ann","since":-1,"seen":2})").find("since") != std::string::npos);
    CHECK(refusal("a", payload("", "Ann", now, now)) == "the room is empty");
    CHECK(refusal("a", payload(std::string(41, 'r'), "Ann", now, now)) == "the room is longer than 40 bytes");
    CHECK(refusal("a", payload("kit\\u001b[2Jchen", "Ann", now, now)) == "the room has characters nobody could type");
    CHECK(refusal("a", payload("kitchen", "", now, now)) == "the name cannot be shown as sent");
    CHECK(refusal("a", payload("kitchen", "A\\u202Enn", now, now)) == "the name cannot be shown as sent");
    CHECK(refusal("a", payload("kitchen", "Ann,Bob", now, now)) == "the name cannot be shown as sent");
    CHECK(refusal("a", payload("kitchen", "Ann", now, now - 1)) == "the entry was refreshed before it began");
    CHECK(refusal("a", payload("kitchen", "Ann", now, now + 3600)) == "the entry is dated ahead of this clock");
    CHECK(refusal("a", payload("kitchen", std::string(600, 'x'), now, now)) == "the entry is longer than 512 bytes");
    CHECK(refusal("", payload("kitchen", "Ann", now, now)) == "the entry's topic does not end in an id");
    CHECK(refusal("a+b", payload("kitchen", "Ann", now, now)) == "the entry's topic does not end in an id");
    // A little ahead is a clock a little fast, not a forgery.
    std::string error;
    CHECK(engine::decodeLobbyEntry("a", payload("kitchen", "Ann", now, now + 60), Now, error));
}
