#include <mqttgames/mqtt/GameWire.hpp>

#include "SignedPair.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

// Two sides of a signed pair, without a network: what one seals, the other opens once.

using mqtt::detail::SignedPair;
namespace wire = mqtt::wire;

namespace
{

const std::string AnnId = "ann00000000000000000";
const std::string BobId = "bob00000000000000000";

// Bob pairs with Ann's hello for anyone, Ann with Bob's answer: as two GameClients do.
void pairUp(SignedPair& ann, SignedPair& bob)
{
    const std::string annsHello = ann.hello({"Ann", "10.0.0.1"}, true);
    REQUIRE(bob.pair(AnnId, annsHello, wire::parseHello(annsHello)) == SignedPair::Pairing::Signed);
    wire::Hello answer{"Bob", "10.0.0.2"};
    answer.to = AnnId;
    const std::string bobsAnswer = bob.hello(answer, true);
    REQUIRE(wire::helloTag(bobsAnswer)); // Bob is paired: his answer is tagged
    REQUIRE(ann.pair(BobId, bobsAnswer, wire::parseHello(bobsAnswer)) == SignedPair::Pairing::Signed);
}

} // namespace

TEST_CASE("SignedPair: what one side seals, the other opens once")
{
    SignedPair ann(AnnId, ""), bob(BobId, "");
    pairUp(ann, bob);
    CHECK(ann.isSigned());
    CHECK(bob.isSigned());

    SECTION("a message goes through once; again it is a replay")
    {
        const std::string sealed = ann.seal("move 5");
        CHECK(sealed != "move 5");
        CHECK(bob.open(sealed) == std::optional<std::string>("move 5"));
        CHECK_FALSE(bob.open(sealed));
    }
    SECTION("messages that cross on the way are taken, within 64 of the newest")
    {
        std::vector<std::string> sealed;
        for (int i = 0; i < 70; ++i)
            sealed.push_back(ann.seal("m" + std::to_string(i)));
        CHECK(bob.open(sealed[69]) == std::optional<std::string>("m69"));
        CHECK(bob.open(sealed[10]) == std::optional<std::string>("m10")); // 59 behind
        CHECK_FALSE(bob.open(sealed[10]));
        CHECK_FALSE(bob.open(sealed[2])); // 67 behind: too old to tell from a replay
    }
    SECTION("a changed text, a changed counter, the other direction, or no seal are refused")
    {
        const std::string sealed = ann.seal("move 5");
        auto message = *wire::parseSigned(sealed);
        message.text = "move 6";
        CHECK_FALSE(bob.open(wire::makeSigned(message)));
        message = *wire::parseSigned(sealed);
        message.counter += 1;
        CHECK_FALSE(bob.open(wire::makeSigned(message)));
        CHECK_FALSE(ann.open(sealed)); // Ann's own words as if Bob had said them
        CHECK_FALSE(bob.open("move 5"));
        CHECK(bob.open(sealed) == std::optional<std::string>("move 5")); // the real one still counts
    }
    SECTION("paired again with the same partner, its earlier messages are still replays")
    {
        const std::string sealed = ann.seal("move 5");
        REQUIRE(bob.open(sealed));
        bob.unpair();
        CHECK_FALSE(bob.isSigned());
        const std::string annsHello = ann.hello({"Ann", "10.0.0.1"}, true);
        REQUIRE(bob.pair(AnnId, annsHello, wire::parseHello(annsHello)) == SignedPair::Pairing::Signed);
        CHECK_FALSE(bob.open(sealed));
        CHECK(bob.open(ann.seal("move 7")) == std::optional<std::string>("move 7"));
    }
    SECTION("hellos: tagged ones hold once, untagged ones no more once the partner signed")
    {
        wire::Hello back{"Ann", "10.0.0.1"};
        back.back = true;
        const std::string hello = ann.hello(back, true);
        CHECK(bob.checkHello(hello, wire::parseHello(hello)) == SignedPair::Check::Verified);
        CHECK(bob.checkHello(hello, wire::parseHello(hello)) == SignedPair::Check::Refused);
        const std::string plain = wire::makeHello("Ann", "10.0.0.1", true);
        CHECK(bob.checkHello(plain, wire::parseHello(plain)) == SignedPair::Check::Refused);
    }
    SECTION("the will: only its secret proves it")
    {
        CHECK(bob.isPartnersWill(ann.willSecret()));
        CHECK_FALSE(bob.isPartnersWill(""));
        CHECK_FALSE(bob.isPartnersWill(std::string(32, '0')));
        // A new secret counts once a verified hello announced it; the old one no more.
        const std::string old = ann.willSecret();
        ann.renewWillSecret();
        wire::Hello back{"Ann", "10.0.0.1"};
        back.back = true;
        const std::string hello = ann.hello(back, true);
        REQUIRE(bob.checkHello(hello, wire::parseHello(hello)) == SignedPair::Check::Verified);
        CHECK(bob.isPartnersWill(ann.willSecret()));
        CHECK_FALSE(bob.isPartnersWill(old));
    }
}

TEST_CASE("SignedPair: who pairs")
{
    SECTION("a hello without a key pairs unsigned, and its messages are taken as they come")
    {
        SignedPair ann(AnnId, "");
        const std::string seed = "_ENTERED,Python,10.0.0.3";
        CHECK(ann.pair("seed0000000000000000", seed, wire::parseHello(seed)) == SignedPair::Pairing::Unsigned);
        CHECK_FALSE(ann.isSigned());
        CHECK(ann.seal("move 1") == "move 1");
        CHECK(ann.open("move 2") == std::optional<std::string>("move 2"));
    }
    SECTION("a malformed key, or an answer whose tag does not hold, pairs nobody")
    {
        SignedPair ann(AnnId, "");
        const std::string bad = "_ENTERED,Mallory,10.0.0.6,k=1234";
        CHECK(ann.pair(BobId, bad, wire::parseHello(bad)) == SignedPair::Pairing::Refused);
        SignedPair bob(BobId, "");
        const std::string annsHello = ann.hello({"Ann", "10.0.0.1"}, true);
        REQUIRE(bob.pair(AnnId, annsHello, wire::parseHello(annsHello)) == SignedPair::Pairing::Signed);
        const std::string answer = bob.hello({"Bob", "10.0.0.2"}, true);
        const auto tag = wire::helloTag(answer);
        const std::string forged = wire::withTag(tag->text, tag->counter, std::string(32, 'f'));
        CHECK(ann.pair(BobId, forged, wire::parseHello(forged)) == SignedPair::Pairing::Refused);
        CHECK(ann.pair(BobId, answer, wire::parseHello(answer)) == SignedPair::Pairing::Signed);
    }
    SECTION("a partner that paired with someone else instead is seen answering them, before it signed for us")
    {
        // Ann pairs with Bob's hello for anyone; Bob pairs with Cid meanwhile and answers Cid.
        SignedPair ann(AnnId, ""), bob(BobId, ""), cid("cid00000000000000000", "");
        const std::string bobsHello = bob.hello({"Bob", "10.0.0.2"}, true);
        REQUIRE(ann.pair(BobId, bobsHello, wire::parseHello(bobsHello)) == SignedPair::Pairing::Signed);
        const std::string cidsHello = cid.hello({"Cid", "10.0.0.3"}, true);
        REQUIRE(bob.pair("cid00000000000000000", cidsHello, wire::parseHello(cidsHello)) == SignedPair::Pairing::Signed);
        wire::Hello toCid{"Bob", "10.0.0.2"};
        toCid.to = "cid00000000000000000";
        const std::string answer = bob.hello(toCid, true);
        CHECK(ann.checkHello(answer, wire::parseHello(answer)) == SignedPair::Check::Unchecked); // so Ann waits again
    }
    SECTION("a room password: the same one pairs; another one, none, or a seed client does not, either way")
    {
        SignedPair ann(AnnId, "blue whale"), bob(BobId, "blue whale"), mallory("mallory0000000000000", "red herring"),
            nobody("nobody00000000000000", "");
        const std::string annsHello = ann.hello({"Ann", "10.0.0.1"}, true);
        CHECK(bob.pair(AnnId, annsHello, wire::parseHello(annsHello)) == SignedPair::Pairing::Signed);
        CHECK(mallory.pair(AnnId, annsHello, wire::parseHello(annsHello)) == SignedPair::Pairing::Refused);
        const std::string nobodysHello = nobody.hello({"Nobody", "10.0.0.4"}, true);
        CHECK(ann.pair("nobody00000000000000", nobodysHello, wire::parseHello(nobodysHello)) == SignedPair::Pairing::Refused);
        const std::string seed = "_ENTERED,Python,10.0.0.3";
        CHECK(ann.pair("seed0000000000000000", seed, wire::parseHello(seed)) == SignedPair::Pairing::Refused);
        CHECK(nobody.pair(AnnId, annsHello, wire::parseHello(annsHello)) == SignedPair::Pairing::Refused);
        // A hello with Ann's room tag in another sender's name does not hold either.
        CHECK(bob.pair("mallory0000000000000", annsHello, wire::parseHello(annsHello)) == SignedPair::Pairing::Refused);
    }
}
