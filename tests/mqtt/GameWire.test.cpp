#include <mqttgames/mqtt/GameWire.hpp>

#include <catch2/catch.hpp>

#include <set>

using namespace mqtt;

TEST_CASE("GameWire")
{
    SECTION("the sender is what follows the last @")
    {
        const auto envelope = wire::parse("mail a@b.c now@abc123");
        REQUIRE(envelope);
        CHECK(envelope->text == "mail a@b.c now");
        CHECK(envelope->sender == "abc123");
        CHECK(wire::format(envelope->text, envelope->sender) == "mail a@b.c now@abc123");
    }
    SECTION("payloads without a sender are refused")
    {
        CHECK_FALSE(wire::parse(""));
        CHECK_FALSE(wire::parse("no sender"));
        CHECK_FALSE(wire::parse("text@"));
        CHECK_FALSE(wire::parse("@"));
        const auto emptyText = wire::parse("@id");
        REQUIRE(emptyText);
        CHECK(emptyText->text.empty());
    }
    SECTION("hello messages")
    {
        CHECK(wire::isHello("_ENTERED,Ann,10.0.0.1"));
        CHECK(wire::isHello("_ENTERED"));
        CHECK_FALSE(wire::isHello("_ENTEREDX"));
        CHECK_FALSE(wire::isHello("hello"));
        const auto hello = wire::parseHello("_ENTERED,Ann,10.0.0.1");
        CHECK(hello.name == "Ann");
        CHECK(hello.address == "10.0.0.1");
        CHECK(wire::parseHello("_ENTERED").name.empty());
        CHECK(wire::parseHello("_ENTERED,Bob").name == "Bob");
    }
    SECTION("names cannot break the format")
    {
        const std::string hello = wire::makeHello("A,n@n\n", "127.0.0.1");
        CHECK(hello == "_ENTERED,A_n_n,127.0.0.1");
        CHECK(wire::parseHello(hello).name == "A_n_n");
    }
    SECTION("ids are 20 characters of [a-z0-9] and differ")
    {
        std::set<std::string> ids;
        for (int i = 0; i < 100; ++i)
        {
            const std::string id = wire::randomId();
            CHECK(id.size() == 20);
            CHECK(id.find_first_not_of("abcdefghijklmnopqrstuvwxyz0123456789") == std::string::npos);
            ids.insert(id);
        }
        CHECK(ids.size() == 100);
    }
}

TEST_CASE("GameWire back hello")
{
    SECTION("a returning player marks its hello with a fourth field")
    {
        const std::string hello = mqtt::wire::makeHello("Ann", "10.0.0.1", true);
        CHECK(hello == "_ENTERED,Ann,10.0.0.1,back");
        const auto parsed = mqtt::wire::parseHello(hello);
        CHECK(parsed.name == "Ann");
        CHECK(parsed.address == "10.0.0.1");
        CHECK(parsed.back);
        CHECK_FALSE(mqtt::wire::parseHello("_ENTERED,Ann,10.0.0.1").back);
        CHECK_FALSE(mqtt::wire::parseHello("_ENTERED,Ann,10.0.0.1,other").back);
    }
}

TEST_CASE("GameWire addressed hello")
{
    SECTION("an answer names the one player it is for; other fields keep their meaning")
    {
        const std::string answer = mqtt::wire::makeHello("Bob", "10.0.0.2", false, "k3v9x0q2m8a1c7d4e6f5");
        CHECK(answer == "_ENTERED,Bob,10.0.0.2,to=k3v9x0q2m8a1c7d4e6f5");
        CHECK(mqtt::wire::parseHello(answer).to == "k3v9x0q2m8a1c7d4e6f5");
        CHECK_FALSE(mqtt::wire::parseHello(answer).back);

        const auto back = mqtt::wire::parseHello(mqtt::wire::makeHello("Ann", "10.0.0.1", true, "abc"));
        CHECK(back.back);
        CHECK(back.to == "abc");
        CHECK(mqtt::wire::parseHello("_ENTERED,Ann,10.0.0.1").to.empty());
        CHECK(mqtt::wire::parseHello("_ENTERED,Ann,10.0.0.1,to=").to.empty());
    }
}

TEST_CASE("GameWire signed pairs")
{
    SECTION("a hello carries the key and the will's hash in fields the seed's clients skip")
    {
        wire::Hello hello{"Ann", "10.0.0.1", false, "bobid", std::string(64, 'a'), std::string(64, 'b')};
        const std::string text = wire::makeHello(hello);
        CHECK(text == "_ENTERED,Ann,10.0.0.1,to=bobid,k=" + std::string(64, 'a') + ",w=" + std::string(64, 'b'));
        const auto read = wire::parseHello(text);
        CHECK(read.name == "Ann");
        CHECK(read.address == "10.0.0.1");
        CHECK(read.to == "bobid");
        CHECK(read.key == hello.key);
        CHECK(read.willHash == hello.willHash);
        CHECK(wire::parseHello("_ENTERED,Pat,1.2.3.4").key.empty()); // a seed client's hello
    }

    SECTION("a room tag is read from its field, before the pair's tag")
    {
        const auto read = wire::parseHello("_ENTERED,Ann,10.0.0.1,k=" + std::string(64, 'a') + ",p=0123abcd,m=3.ff");
        CHECK(read.roomTag == "0123abcd");
        CHECK(read.key == std::string(64, 'a'));
        CHECK(wire::parseHello("_ENTERED,Ann,10.0.0.1").roomTag.empty());
    }

    SECTION("terms ride after the key and the will's hash, before the room tag that covers them")
    {
        wire::Hello hello{"Ann", "10.0.0.1", false, "", "k1", "w1"};
        hello.terms = "clock=5m+3s";
        const std::string text = wire::makeHello(hello);
        CHECK(text == "_ENTERED,Ann,10.0.0.1,k=k1,w=w1,t=clock=5m+3s");
        CHECK(wire::parseHello(text + ",p=0123abcd").terms == "clock=5m+3s");
        CHECK(wire::parseHello("_ENTERED,Pat,1.2.3.4").terms.empty()); // a seed client plays by none
    }

    SECTION("a tagged hello: the tag covers the text before it, and a bad tag reads as none")
    {
        const std::string hello = wire::makeHello({"Ann", "a", true, "bobid", "", ""});
        const std::string tagged = wire::withTag(hello, 7, "00ff");
        const auto tag = wire::helloTag(tagged);
        REQUIRE(tag);
        CHECK(tag->text == hello);
        CHECK(tag->counter == 7);
        CHECK(tag->tag == "00ff");
        CHECK(wire::parseHello(tagged).to == "bobid");
        CHECK_FALSE(wire::helloTag(hello));
        CHECK_FALSE(wire::helloTag(hello + ",m=x.00ff"));
        CHECK_FALSE(wire::helloTag(hello + ",m=7"));
    }

    SECTION("signed messages read back; texts of other forms are not signed ones")
    {
        const wire::Signed message{42, "abcd", "move, with commas, #and hashes"};
        const std::string text = wire::makeSigned(message);
        CHECK(text == "#42,abcd,move, with commas, #and hashes");
        const auto read = wire::parseSigned(text);
        REQUIRE(read);
        CHECK(read->counter == 42);
        CHECK(read->tag == "abcd");
        CHECK(read->text == message.text);
        for (const char* other : {"plain", "#", "#1", "#1,tag", "#x,tag,text", "#99999999999999999999,t,x"})
        {
            INFO(other);
            CHECK_FALSE(wire::parseSigned(other));
        }
        CHECK(wire::signedInput("id", 3, "t") == "id\n3\nt");
    }
}
