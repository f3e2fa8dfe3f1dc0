#include "PairKey.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace mqtt::detail;

TEST_CASE("the keys of a signed pair")
{
    const KeyPair ann;
    const KeyPair bob;

    SECTION("both sides of an X25519 agreement derive the same key; a third key pair does not")
    {
        CHECK(ann.publicHex().size() == 64);
        CHECK(ann.publicHex() != bob.publicHex());
        const auto annShared = ann.agree(bob.publicHex());
        const auto bobShared = bob.agree(ann.publicHex());
        REQUIRE(annShared);
        REQUIRE(bobShared);
        CHECK(*annShared == *bobShared);
        const KeyPair eve;
        CHECK(*eve.agree(ann.publicHex()) != *annShared);

        const Secret annKey = pairKey(*annShared, "idann", "idbob", "");
        CHECK(annKey == pairKey(*bobShared, "idbob", "idann", "")); // the order of the ids does not matter
        CHECK(annKey != pairKey(*annShared, "idann", "ideve", ""));
        CHECK(annKey != pairKey(*annShared, "idann", "idbob", "room secret"));
    }

    SECTION("a malformed or degenerate partner key agrees on nothing")
    {
        CHECK_FALSE(ann.agree(""));
        CHECK_FALSE(ann.agree(std::string(63, 'a')));
        CHECK_FALSE(ann.agree(std::string(64, 'g')));
        CHECK_FALSE(ann.agree(std::string(64, '0'))); // a point of low order: the secret would be zero
    }

    SECTION("tags: known HMAC-SHA256 and SHA-256 values, cut to the length asked")
    {
        // RFC 4231, test case 2: key "Jefe", data "what do ya want for nothing?" (a 4-byte key padded
        // with zeros to 32 bytes gives the same HMAC: keys shorter than a block are zero-padded).
        Secret jefe{};
        jefe[0] = 'J', jefe[1] = 'e', jefe[2] = 'f', jefe[3] = 'e';
        CHECK(tagHex(jefe, "what do ya want for nothing?", 32) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        CHECK(tagHex(jefe, "what do ya want for nothing?") == "5bdcc146bf60754e6a042426089575c7");
        CHECK(sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"); // FIPS 180-2
        CHECK(randomHex(16).size() == 32);
        CHECK(randomHex(16) != randomHex(16));
        CHECK(sameInConstantTime("abc", "abc"));
        CHECK_FALSE(sameInConstantTime("abc", "abd"));
        CHECK_FALSE(sameInConstantTime("abc", "ab"));
    }
}
