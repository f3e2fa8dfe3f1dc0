#include <mqttgames/battleship/Codec.hpp>

#include <algorithm>
#include <type_traits>

#include <mqttgames/engine/JsonFields.hpp>

namespace battleship
{

namespace
{

constexpr std::size_t CommitmentDigits = 64;

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
    const std::string* commitment = engine::JsonFields(body, "commit", error).text("commitment");
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
    const std::string* text = engine::JsonFields(body, "shot", error).text("cell");
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
    const engine::JsonFields fields(body, "result", error);
    const std::string* cellText = fields.text("cell");
    if (!cellText)
        return std::nullopt;
    const std::string* outcomeText = fields.text("outcome");
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
    const bool hasShip = fields.has("ship");
    if (*outcome != ShotOutcome::Sunk)
    {
        if (hasShip)
        {
            error = std::string("a ") + toString(*outcome) + " names a ship";
            return std::nullopt;
        }
        return result;
    }
    const std::string* shipText = engine::JsonFields(body, "sunk result", error).text("ship");
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
    return encode(Reveal{fleet.toText(), salt}).body;
}

std::optional<Reveal> decodeReveal(const nlohmann::json& body, std::string& error)
{
    const engine::JsonFields fields(body, "reveal", error);
    const std::string* fleet = fields.text("fleet");
    if (!fleet)
        return std::nullopt;
    const std::string* salt = fields.text("salt");
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

engine::Message encode(const Message& message)
{
    return std::visit(
        [](const auto& content) -> engine::Message
        {
            using Content = std::decay_t<decltype(content)>;
            if constexpr (std::is_same_v<Content, Commit>)
                return {"commit", encodeCommit(content.commitment)};
            else if constexpr (std::is_same_v<Content, Fire>)
                return {"shot", encodeShot(content.cell)};
            else if constexpr (std::is_same_v<Content, ShotRecord>)
                return {"result", encodeResult(content)};
            else
                return {"reveal", {{"fleet", content.fleet}, {"salt", content.salt}}};
        },
        message);
}

std::optional<Message> decode(const std::string& type, const nlohmann::json& body, std::string& error)
{
    // Each alternative widens to a Message only when it was read.
    const auto widen = [](auto decoded) { return decoded ? std::optional<Message>(std::move(*decoded)) : std::nullopt; };
    if (type == "commit")
    {
        const auto commitment = decodeCommit(body, error);
        return commitment ? std::optional<Message>(Commit{*commitment}) : std::nullopt;
    }
    if (type == "shot")
    {
        const auto cell = decodeShot(body, error);
        return cell ? std::optional<Message>(Fire{*cell}) : std::nullopt;
    }
    if (type == "result")
        return widen(decodeResult(body, error));
    if (type == "reveal")
        return widen(decodeReveal(body, error));
    error = "unknown message " + quoted(type);
    return std::nullopt;
}

} // namespace battleship
