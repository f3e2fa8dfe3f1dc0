#include <catch2/catch.hpp>

#include <mqttgames/engine/JsonFields.hpp>

TEST_CASE("engine::JsonFields")
{
    std::string error;

    SECTION("a whole number in range reads back; extra fields are ignored")
    {
        const nlohmann::json body{{"cell", 9}, {"note", "x"}};
        CHECK(engine::JsonFields(body, "move", error).integer("cell", 1, 9) == 9);
        CHECK(engine::JsonFields({{"n", -4}}, "move", error).integer("n", -5, 5) == -4);
        CHECK(error.empty());
    }

    SECTION("each way a number can be wrong has its own reason, and nothing throws")
    {
        const std::pair<nlohmann::json, const char*> refused[] = {
            {nullptr, "the move is not an object"},
            {nlohmann::json::array({1}), "the move is not an object"},
            {nlohmann::json::object(), "the move has no whole-number \"cell\""},
            {{{"cell", "5"}}, "the move has no whole-number \"cell\""},
            {{{"cell", 5.0}}, "the move has no whole-number \"cell\""},
            {{{"cell", true}}, "the move has no whole-number \"cell\""},
            {{{"cell", nullptr}}, "the move has no whole-number \"cell\""},
            {{{"cell", 0}}, "cell 0 is outside 1..9"},
            {{{"cell", 10}}, "cell 10 is outside 1..9"},
            {{{"cell", -99999999999LL}}, "cell -99999999999 is outside 1..9"},
            {{{"cell", 18446744073709551615ULL}}, "cell 18446744073709551615 is outside 1..9"},
            {{{"cell", 9223372036854775808ULL}}, "cell 9223372036854775808 is outside 1..9"},
        };
        for (const auto& [body, why] : refused)
        {
            INFO(body.dump());
            std::optional<long long> value;
            REQUIRE_NOTHROW(value = engine::JsonFields(body, "move", error).integer("cell", 1, 9));
            CHECK_FALSE(value);
            CHECK(error == why);
        }
    }

    SECTION("text fields are borrowed from the body, and a wrong type is named")
    {
        const nlohmann::json body{{"cell", "A1"}, {"n", 1}};
        const engine::JsonFields fields(body, "shot", error);
        const std::string* cell = fields.text("cell");
        REQUIRE(cell);
        CHECK(cell == &body["cell"].get_ref<const std::string&>());
        CHECK_FALSE(fields.text("n"));
        CHECK(error == "the shot has no text \"n\"");
        CHECK_FALSE(fields.text("ship"));
        CHECK(error == "the shot has no text \"ship\"");
        CHECK(fields.has("n"));
        CHECK_FALSE(fields.has("ship"));
        CHECK_FALSE(engine::JsonFields(nlohmann::json::array(), "shot", error).has("cell"));
    }
}
