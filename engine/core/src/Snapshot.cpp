#include <mqttgames/engine/Snapshot.hpp>

#include <mqttgames/engine/Game.hpp>
#include <mqttgames/engine/JsonFields.hpp>
#include <mqttgames/engine/Round.hpp>
#include <mqttgames/engine/Session.hpp>

#include <limits>

#include <nlohmann/json.hpp>

namespace engine
{

bool Snapshot::showsSameAs(const Snapshot& other) const
{
    return game == other.game && version == other.version && round == other.round && players == other.players &&
           position == other.position && event == other.event && result == other.result && wins == other.wins &&
           draws == other.draws;
}

std::optional<Snapshot> snapshotOf(const Session& session, std::chrono::milliseconds sinceStart)
{
    const Round* round = session.round();
    if (!round)
        return std::nullopt;
    auto position = round->publicPosition();
    if (!position)
        return std::nullopt;
    Snapshot snapshot;
    snapshot.game = session.game().info().id;
    snapshot.version = session.game().info().protocolVersion;
    snapshot.round = session.roundNumber();
    const bool local = session.localStarts();
    snapshot.players = local ? std::array{session.localName(), session.partnerName()}
                             : std::array{session.partnerName(), session.localName()};
    snapshot.position = std::move(*position);
    snapshot.event = round->publicEventText();
    snapshot.result = session.publicResultText(); // also a resignation or an agreed draw
    snapshot.wins = local ? std::array{session.wins(), session.losses()} : std::array{session.losses(), session.wins()};
    snapshot.draws = session.draws();
    snapshot.millis = sinceStart.count();
    return snapshot;
}

std::string encodeSnapshot(const Snapshot& snapshot)
{
    const nlohmann::json line = {
        {"game", snapshot.game},         {"v", snapshot.version},       {"round", snapshot.round},
        {"players", snapshot.players},   {"position", snapshot.position}, {"event", snapshot.event},
        {"result", snapshot.result},     {"wins", snapshot.wins},       {"draws", snapshot.draws},
        {"ms", snapshot.millis},
    };
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::optional<Snapshot> decodeSnapshot(std::string_view text, std::string& error)
{
    const auto line = nlohmann::json::parse(text, nullptr, false);
    if (line.is_discarded())
    {
        error = "not JSON (a file cut short?)";
        return std::nullopt;
    }
    JsonFields fields(line, "snapshot", error);
    constexpr long long Most = std::numeric_limits<int>::max();
    Snapshot snapshot;
    const auto* game = fields.text("game");
    const auto version = fields.integer("v", 1, Most);
    const auto round = fields.integer("round", 1, Most);
    const auto* position = fields.text("position");
    const auto* event = fields.text("event");
    const auto* result = fields.text("result");
    const auto draws = fields.integer("draws", 0, Most);
    const auto millis = fields.integer("ms", 0, std::numeric_limits<long long>::max());
    if (!game || !version || !round || !position || !event || !result || !draws || !millis)
        return std::nullopt;
    const auto players = line.find("players");
    const auto wins = line.find("wins");
    if (players == line.end() || !players->is_array() || players->size() != 2 || !(*players)[0].is_string() ||
        !(*players)[1].is_string())
    {
        error = "the snapshot has no two \"players\"";
        return std::nullopt;
    }
    if (wins == line.end() || !wins->is_array() || wins->size() != 2 || !(*wins)[0].is_number_unsigned() ||
        !(*wins)[1].is_number_unsigned())
    {
        error = "the snapshot has no two \"wins\"";
        return std::nullopt;
    }
    snapshot.game = *game;
    snapshot.version = static_cast<int>(*version);
    snapshot.round = static_cast<int>(*round);
    snapshot.players = {(*players)[0].get<std::string>(), (*players)[1].get<std::string>()};
    snapshot.position = *position;
    snapshot.event = *event;
    snapshot.result = *result;
    snapshot.wins = {static_cast<int>(std::min<std::uint64_t>((*wins)[0].get<std::uint64_t>(), Most)),
                     static_cast<int>(std::min<std::uint64_t>((*wins)[1].get<std::uint64_t>(), Most))};
    snapshot.draws = static_cast<int>(*draws);
    snapshot.millis = *millis;
    return snapshot;
}

std::unique_ptr<Round> roundAt(const Game& game, const Snapshot& snapshot, std::string& error)
{
    const GameInfo& info = game.info();
    if (snapshot.game != info.id)
    {
        error = "a match of " + snapshot.game + ", not " + info.id;
        return nullptr;
    }
    if (snapshot.version != info.protocolVersion)
    {
        error = "recorded with " + info.id + " protocol version " + std::to_string(snapshot.version) +
                "; this program speaks version " + std::to_string(info.protocolVersion);
        return nullptr;
    }
    auto round = game.newRound({true});
    std::string why;
    if (!round->load(snapshot.position, why))
    {
        error = "not a position of " + info.id + ": " + why;
        return nullptr;
    }
    return round;
}

} // namespace engine
