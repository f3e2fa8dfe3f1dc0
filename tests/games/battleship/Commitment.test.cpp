#include <mqttgames/battleship/Commitment.hpp>

#include <catch2/catch.hpp>

#include <set>

using battleship::Fleet;

TEST_CASE("battleship::Commitment")
{
    std::mt19937_64 random(11);
    const Fleet fleet = Fleet::random(random);

    SECTION("is 64 lowercase hex digits and the same for the same fleet and salt")
    {
        const std::string commitment = battleship::commitmentOf(fleet, "salt");
        CHECK(commitment.size() == 64);
        CHECK(commitment.find_first_not_of("0123456789abcdef") == std::string::npos);
        CHECK(battleship::commitmentOf(*Fleet::parse(fleet.toText()), "salt") == commitment);
    }

    SECTION("is SHA-256 of the salt, a colon and the fleet text")
    {
        // Both players must compute the same digest, so the definition is pinned to a value from
        // an independent tool: printf 'x:A1H5,A2H4,A3H3,A4H3,A5H2' | sha256sum
        const Fleet standard = *Fleet::parse("A5H2,A1H5,A2H4,A3H3,A4H3");
        CHECK(battleship::commitmentOf(standard, "x")
              == "1386d4643cde14949bea5e6a3207d95c6ed387119b4c588840b621c2a88c8175");
        CHECK(battleship::commitmentOf(standard, "x") != battleship::commitmentOf(standard, "y"));
        CHECK(battleship::commitmentOf(standard, "x") != battleship::commitmentOf(fleet, "x"));
    }

    SECTION("salts are 32 hex digits and differ")
    {
        std::set<std::string> salts;
        for (int i = 0; i < 20; ++i)
        {
            const std::string salt = battleship::randomSalt();
            CHECK(salt.size() == 32);
            CHECK(salt.find_first_not_of("0123456789abcdef") == std::string::npos);
            salts.insert(salt);
        }
        CHECK(salts.size() == 20);
    }
}
