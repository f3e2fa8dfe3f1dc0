#include <mqttgames/battleship/Codec.hpp>

#include <algorithm>

namespace battleship
{

namespace
{

constexpr std::size_t CommitmentDigits = 64;

// The string field `name` of an object body, or nothing with the reason.
const std::string* stringField(const nlohmann::json& body, const char* what, const char* name, std::string& error)
{
    if (!body.is_object())
    {
        error = std::string("the ") + what + " is not an object";
        return nullptr;
    }
    const auto field = body.find(name);
    if (field == body.end() || !field->is_string())
    {
        error = std::string("the ") + what + " has no text \"" + name + "\"";
        return nullptr;
    }
    return &field->get_ref<const std::string&>();
}

// A quoted piece of hostile text for an error, cut short so a notice stays one line.
std::string quoted(const std::string& text)
{
    constexpr std::size_t Shown = 24;
    return "\"" + (text.size() > Shown ? text.substr(0, Shown) + "..." : text) + "\"";
}

std::optional<ShotOutcome> parseOutcome(const std::string& text)
{
    for (const ShotOutcome outcome : {ShotOutcome::Miss, ShotOutcome::Hit, ShotOutcome::Sunk})
        if (text == toString(outcome))
            return outcome;
    return std::nullopt;
}

} // namespace

nlohmann::json encodeCommit(const std::string& commitment)
{
    return {{"commitment", commitment}};
}

std::optional<std::string> decodeCommit(const nlohmann::json& body, std::string& error)
{
    const std::string* commitment = stringField(body, "commit", "commitment", error);
    if (!commitment)
        return std::nullopt;
    const bool hex = std::ranges::all_of(*commitment, [](char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'); });
    if (commitment->size() != CommitmentDigits || !hex)
    {
        error = "the commitment " + quoted(*commitment) + " is not 64 lowercase hex digits";
        return std::nullopt;
    }
    return *commitment;
}

nlohmann::json encodeShot(Coord cell)
{
    return {{"cell", toString(cell)}};
}

std::optional<Coord> decodeShot(const nlohmann::json& body, std::string& error)
{
    const std::string* text = stringField(body, "shot", "cell", error);
    if (!text)
        return std::nullopt;
    const auto cell = parseCoord(*text);
    if (!cell)
        error = "the shot's cell " + quoted(*text) + " is not A1..J10";
    return cell;
}

nlohmann::json encodeResult(const ShotRecord& result)
{
    nlohmann::json body{{"cell", toString(result.shot)}, {"outcome", toString(result.answer.outcome)}};
    if (result.answer.outcome == ShotOutcome::Sunk && result.answer.sunkShip)
        body["ship"] = toString(*result.answer.sunkShip);
    return body;
}

std::optional<ShotRecord> decodeResult(const nlohmann::json& body, std::string& error)
{
    const std::string* cellText = stringField(body, "result", "cell", error);
    if (!cellText)
        return std::nullopt;
    const std::string* outcomeText = stringField(body, "result", "outcome", error);
    if (!outcomeText)
        return std::nullopt;
    const auto cell = parseCoord(*cellText);
    if (!cell)
    {
        error = "the result's cell " + quoted(*cellText) + " is not A1..J10";
        return std::nullopt;
    }
    const auto outcome = parseOutcome(*outcomeText);
    if (!outcome)
    {
        error = "the outcome " + quoted(*outcomeText) + " is not miss, hit or sunk";
        return std::nullopt;
    }
    ShotRecord result{*cell, {*outcome, std::nullopt}};
    const bool hasShip = body.contains("ship");
    if (*outcome != ShotOutcome::Sunk)
    {
        if (hasShip)
        {
            error = std::string("a ") + toString(*outcome) + " names a ship";
            return std::nullopt;
        }
        return result;
    }
    const std::string* shipText = stringField(body, "sunk result", "ship", error);
    if (!shipText)
        return std::nullopt;
    const auto ship = parseShip(*shipText);
    if (!ship || !ship->isInside())
    {
        error = "the sunk ship " + quoted(*shipText) + " is not a ship in the sea";
        return std::nullopt;
    }
    if (!ship->covers(*cell))
    {
        error = "the sunk ship " + toString(*ship) + " does not cover " + toString(*cell);
        return std::nullopt;
    }
    result.answer.sunkShip = *ship;
    return result;
}

nlohmann::json encodeReveal(const Fleet& fleet, const std::string& salt)
{
    return {{"fleet", fleet.toText()}, {"salt", salt}};
}

std::optional<Reveal> decodeReveal(const nlohmann::json& body, std::string& error)
{
    const std::string* fleet = stringField(body, "reveal", "fleet", error);
    if (!fleet)
        return std::nullopt;
    const std::string* salt = stringField(body, "reveal", "salt", error);
    if (!salt)
        return std::nullopt;
    if (fleet->empty() || fleet->size() > MaxFleetText)
    {
        error = "the revealed fleet text has " + std::to_string(fleet->size()) + " characters";
        return std::nullopt;
    }
    if (salt->empty() || salt->size() > MaxSaltText)
    {
        error = "the revealed salt has " + std::to_string(salt->size()) + " characters";
        return std::nullopt;
    }
    return Reveal{*fleet, *salt};
}

} // namespace battleship
