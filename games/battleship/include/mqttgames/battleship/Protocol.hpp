#pragma once

#include <optional>
#include <string>
#include <vector>

#include <mqttgames/battleship/Fleet.hpp>
#include <mqttgames/battleship/Messages.hpp>
#include <mqttgames/battleship/OwnSea.hpp>
#include <mqttgames/battleship/TargetSea.hpp>
#include <mqttgames/battleship/Verifier.hpp>

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

/// One side of a round of Battleship, as a pure state machine: no JSON, no text notation, no clock,
/// no randomness (the fleet and its salt are given). Both place at once and send only a commitment
/// to their fleet; shots alternate and the side shot at answers each; once a fleet is sunk both
/// reveal, and each checks the other's reveal against its commitment and every answer it gave.
class Protocol
{
public:
    /// What one step did: the messages to send and a line for the log, or why it was refused
    /// (then nothing changed and nothing is sent).
    struct Step
    {
        bool accepted = false;
        std::string reason;
        std::vector<Message> send;
        std::string event;

        static Step refuse(std::string why) { return {false, std::move(why), {}, {}}; }
    };

    explicit Protocol(bool localStarts);

    /// Commits to our fleet (sends the commitment of `fleet` and `salt`).
    Step place(const Fleet& fleet, std::string salt);
    /// Fires at `cell` (sends the shot; the answer comes as a ShotRecord).
    Step shoot(Coord cell);
    /// A message from the partner: judged against the stage, the turn and what came before.
    Step receive(const Message& message);
    /// The partner's reveal did not come in time: the round ends, the partner's fleet unverified.
    /// Returns false (and changes nothing) outside the wait for a reveal.
    bool settleTimedOut();

    Stage stage() const;
    bool localStarts() const { return m_localStarts; }
    /// Our fleet and the partner's shots at it; nullptr until we placed.
    const OwnSea* ownSea() const { return m_own ? &*m_own : nullptr; }
    /// Our shots and the partner's answers.
    const TargetSea& targetSea() const { return m_target; }
    const std::vector<ShotRecord>& answersReceived() const { return m_answers; }
    /// The partner's shots at us and our answers, in order.
    const std::vector<ShotRecord>& answersGiven() const { return m_given; }
    bool partnerHasPlaced() const { return m_partnerCommitment.has_value(); }
    /// Whether the next shot (or the one in flight) is ours.
    bool localShoots() const { return m_localShoots; }
    /// Our shot waiting for its answer.
    std::optional<Coord> pendingShot() const { return m_pending; }
    /// How many shots the partner fired at us, and the last of them.
    int shotsReceived() const { return static_cast<int>(m_given.size()); }
    std::optional<Coord> lastIncoming() const
    {
        return m_given.empty() ? std::nullopt : std::optional<Coord>(m_given.back().shot);
    }
    /// The commitments sent and received (hex SHA-256), empty until made.
    const std::string& commitment() const { return m_commitment; }
    std::string partnerCommitment() const { return m_partnerCommitment.value_or(""); }
    /// The partner's fleet as revealed, when the reveal was verified.
    const std::optional<Fleet>& revealedFleet() const { return m_reveal.partnerFleet; }
    /// The check of the partner's reveal (once it came).
    const std::optional<Verdict>& verdict() const { return m_reveal.verdict; }
    /// Whether we sank the whole enemy fleet, or it sank ours (before the reveals decide the outcome).
    bool localSankAll() const { return m_target.allSunk(); }
    bool partnerSankAll() const { return m_own && m_own->allSunk(); }
    /// Whether the partner's reveal did not come within the settle timeout (the partner forfeits).
    bool revealWithheld() const { return m_reveal.withheld; }

private:
    Step receiveCommit(const Commit& commit);
    Step receiveShot(const Fire& shot);
    Step receiveResult(const ShotRecord& result);
    Step receiveReveal(const Reveal& reveal);
    /// An accepted step, our reveal added once a fleet is sunk.
    Step accept(std::vector<Message> send, std::string event);

    bool m_localStarts;
    bool m_localShoots;
    std::optional<OwnSea> m_own;
    std::string m_salt;
    std::string m_commitment;
    std::optional<std::string> m_partnerCommitment;
    TargetSea m_target;
    std::vector<ShotRecord> m_answers;
    std::vector<ShotRecord> m_given;
    std::optional<Coord> m_pending;
    /// The end: our reveal, the partner's and its check.
    struct
    {
        bool sent = false;
        std::optional<Fleet> partnerFleet;
        std::optional<Verdict> verdict;
        bool withheld = false; ///< the partner's did not come in time
    } m_reveal;
};

} // namespace battleship
