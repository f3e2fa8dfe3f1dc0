#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <mqttgames/battleship/Protocol.hpp>
#include <mqttgames/battleship/PublicRecord.hpp>
#include <mqttgames/engine/Round.hpp>

namespace battleship
{

/// A round of Battleship for the engine: the Protocol (the rules of the exchange) with the text
/// notation, the JSON of its messages, texts for the screen and the terminal, bots and positions.
///
/// Notation (act and the terminal): "random" or "place A1H5,C3V4,E5H3,G7V3,J1V2" while placing
/// (each ship is its origin, H or V, its length); a cell "A1".."J10" to shoot.
///
/// A round loaded from a public position ("seen ...", see PublicRecord) shows a match to someone
/// watching it: both seas as the shots found them, Red (the starter) local. It takes no actions.
class Round : public engine::Round
{
public:
    explicit Round(bool localStarts);

    /// The round's state: fleets, shots, answers, commitments, the reveal and its check.
    const Protocol& protocol() const { return m_protocol; }
    /// Counts what changed the round (steps taken, a position loaded): a view redraws when it moved.
    std::uint64_t revision() const { return m_revision; }
    /// "Fleet verified", "Cheat: ...", "Forfeit: ..." or what is being waited for; "" before the end.
    std::string verificationText() const;
    /// What anyone watching may know of the round: loaded from a public position, or this side's.
    PublicRecord publicRecord() const { return m_watched ? *m_watched : PublicRecord::of(m_protocol); }
    /// Whether the round shows a watched match (loaded from "seen ...") rather than plays one.
    bool isWatched() const { return m_watched.has_value(); }

    engine::Turn turn() const override;
    engine::Outcome outcome() const override;
    std::string localSide() const override;
    std::string remoteSide() const override;
    std::string boardText() const override;
    std::string notationHelp() const override;
    std::string lastEventText() const override { return m_lastEvent; }
    std::string resultText() const override;
    engine::Reply act(std::string_view action) override;
    engine::Reply receive(const std::string& type, const nlohmann::json& body) override;
    engine::BotJob botJob(int level) const override;
    /// "SEED [SHOT...] [auto N | auto end]": both fleets drawn from a generator seeded with the whole
    /// number SEED (ours first), then the shots, alternately and the starter first, each answered by
    /// the other fleet; "auto" lets medium bots (seeded from SEED) fire N more shots, or play to the
    /// end. A finished game ends with the partner's reveal, verified. "" or "new" is the start of
    /// placement. (See Position.hpp.) "seen ..." is a public position: the round shows it, watched.
    bool load(std::string_view position, std::string& error) override;
    /// PublicRecord's text form: shots, answers, and each fleet only once revealed.
    std::optional<std::string> publicPosition() const override { return publicRecord().toText(); }
    std::string publicEventText() const override { return publicRecord().eventText(); }
    std::string publicResultText() const override { return publicRecord().resultText(); }
    /// While waiting for the partner's reveal (stage Revealing): the session bounds that wait.
    bool isSettling() const override { return m_protocol.stage() == Stage::Revealing; }
    /// The reveal did not come in time: the partner forfeits the round, whatever the shots say (a
    /// side that answered falsely would otherwise win by keeping its fleet to itself).
    void settleTimedOut() override;
    /// A caught cheat or a withheld reveal: the partner forfeits.
    bool isForfeit() const override;
    /// "Placing fleet", "Partner placing fleet", "Verifying the partner's fleet…"; "" while shooting.
    std::string statusText() const override;

private:
    engine::Reply perform(std::string_view action);
    /// Places `fleet` with a fresh salt.
    engine::Reply place(const Fleet& fleet);
    /// The engine's reply for a step of the protocol, its messages in JSON.
    engine::Reply reply(Protocol::Step step);

    Protocol m_protocol;
    std::optional<PublicRecord> m_watched;
    std::string m_lastEvent;
    std::uint64_t m_revision = 0;
};

} // namespace battleship
