#pragma once

#include <optional>
#include <string>
#include <vector>

#include <mqttgames/battleship/Fleet.hpp>
#include <mqttgames/battleship/OwnSea.hpp>
#include <mqttgames/battleship/TargetSea.hpp>
#include <mqttgames/battleship/Verifier.hpp>
#include <mqttgames/engine/Round.hpp>

namespace battleship
{

/// Where a round stands.
enum class Stage
{
    Placing,   ///< one side or both still place (and commit to) a fleet
    Shooting,  ///< shots alternate, the starter first
    Revealing, ///< a fleet is sunk; waiting for the partner's reveal (the round settles)
    Over,      ///< the partner's reveal was checked, or it did not come in time
};

/// A round of Battleship for the engine. Both place at once and send only a commitment to their
/// fleet; shots alternate and the side shot at answers each; once a fleet is sunk both reveal, and
/// each checks the other's reveal against its commitment and every answer it gave.
///
/// Notation (act and the terminal): "random" or "place A1H5,C3V4,E5H3,G7V3,J1V2" while placing
/// (each ship is its origin, H or V, its length); a cell "A1".."J10" to shoot.
class Round : public engine::Round
{
public:
    explicit Round(bool localStarts);

    Stage stage() const;
    bool localStarts() const { return m_localStarts; }
    /// Our fleet and the partner's shots at it; nullptr until we placed.
    const OwnSea* ownSea() const { return m_own ? &*m_own : nullptr; }
    /// Our shots and the partner's answers.
    const TargetSea& targetSea() const { return m_target; }
    const std::vector<ShotRecord>& answersReceived() const { return m_answers; }
    bool partnerHasPlaced() const { return m_partnerCommitment.has_value(); }
    /// Whether the next shot (or the one in flight) is ours.
    bool localShoots() const { return m_localShoots; }
    /// Our shot waiting for its answer.
    std::optional<Coord> pendingShot() const { return m_pending; }
    /// How many shots the partner fired at us.
    int shotsReceived() const { return m_shotsReceived; }
    /// The partner's last shot at us, and our last answered shot.
    std::optional<Coord> lastIncoming() const { return m_lastIncoming; }
    std::optional<Coord> lastOutgoing() const { return m_answers.empty() ? std::nullopt : std::optional(m_answers.back().shot); }
    /// The commitments sent and received (hex SHA-256), empty until made.
    const std::string& commitment() const { return m_commitment; }
    const std::string& partnerCommitment() const;
    /// The partner's fleet as revealed, when the text named a valid fleet.
    const std::optional<Fleet>& revealedFleet() const { return m_reveal.partnerFleet; }
    /// The check of the partner's reveal (once it came).
    const std::optional<Verdict>& verdict() const { return m_reveal.verdict; }
    /// Whether we sank the whole enemy fleet (before the reveals decide the outcome).
    bool localSankAll() const { return m_target.allSunk(); }
    bool partnerSankAll() const { return m_own && m_own->allSunk(); }
    /// Whether the partner's reveal did not come within the settle timeout (the fleet is not verified).
    bool revealWithheld() const { return m_reveal.withheld; }
    /// "Fleet verified", "Cheat: ...", "Not verified: ..." or what is being waited for; "" before the end.
    std::string verificationText() const;

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
    /// end. A finished game ends with both reveals, verified. "" or "new" is the start of placement.
    bool load(std::string_view position, std::string& error) override;
    /// While waiting for the partner's reveal (stage Revealing): the session bounds that wait.
    bool isSettling() const override { return stage() == Stage::Revealing; }
    /// The reveal did not come: the round ends by the shots, the partner's fleet not verified.
    void settleTimedOut() override;
    /// "Placing fleet", "Partner placing fleet", "Verifying the partner's fleet…"; "" while shooting.
    std::string statusText() const override;

private:
    bool perform(std::string_view action, std::string& error);
    bool take(const std::string& type, const nlohmann::json& body, std::string& error);
    /// The reply to an action or message: what it sent, or the refusal (then nothing goes out).
    engine::Reply reply(bool accepted, std::string error);
    bool place(const Fleet& fleet, std::string& error);
    bool shoot(Coord cell, std::string& error);
    bool receiveCommit(const nlohmann::json& body, std::string& error);
    bool receiveShot(const nlohmann::json& body, std::string& error);
    bool receiveResult(const nlohmann::json& body, std::string& error);
    bool receiveReveal(const nlohmann::json& body, std::string& error);
    void send(const std::string& type, nlohmann::json body);
    void revealIfOver();

    bool m_localStarts;
    std::vector<engine::Message> m_outgoing; // sent by the action or message being handled
    std::optional<OwnSea> m_own;
    std::string m_salt;
    std::string m_commitment;
    std::optional<std::string> m_partnerCommitment;
    TargetSea m_target;
    std::vector<ShotRecord> m_answers;
    std::optional<Coord> m_pending;
    std::optional<Coord> m_lastIncoming;
    int m_shotsReceived = 0;
    bool m_localShoots;
    /// The end: our reveal, the partner's and its check.
    struct Reveal
    {
        bool sent = false;
        std::optional<Fleet> partnerFleet;
        std::optional<Verdict> verdict;
        bool withheld = false; ///< the partner's did not come in time
    };
    Reveal m_reveal;
    std::string m_lastEvent;
};

} // namespace battleship
