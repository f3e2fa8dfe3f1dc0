#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace engine
{

/// Reads the fields of one message body (a JSON object from the network) with checks, never
/// throwing. Each read that fails returns nothing and puts the reason in the borrowed `error`,
/// worded for a notice: "the move is not an object", "the move has no whole-number \"cell\"",
/// "cell 10 is outside 1..9". Extra fields are ignored, so a later version may add some.
class JsonFields
{
public:
    /// `what` names the message in errors ("move"); `body` and `error` outlive this reader.
    JsonFields(const nlohmann::json& body, std::string_view what, std::string& error);

    /// A whole number in min..max. Booleans and floats are refused even where nlohmann would
    /// convert them.
    std::optional<long long> integer(std::string_view name, long long min, long long max) const;
    /// A text field, borrowed from the body.
    const std::string* text(std::string_view name) const;
    /// Whether the body is an object that has the field, of whatever type.
    bool has(std::string_view name) const;

private:
    // The field, or nullptr with the reason when the body is no object or lacks it.
    const nlohmann::json* find(std::string_view name, std::string_view kind) const;

    const nlohmann::json& m_body;
    std::string m_what;
    std::string& m_error;
};

/// The whole number `name` of a JSON object, for a Move's from_json: throws std::invalid_argument
/// naming the field when it is missing, not a whole number (booleans and floats included), or
/// outside the range of int. TurnRound turns the throw into a refusal with that reason.
int integerField(const nlohmann::json& object, std::string_view name);

} // namespace engine
