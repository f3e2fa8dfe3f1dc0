#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <mqttgames/battleship/Protocol.hpp>

namespace battleship
{

/// What anyone watching a round of Battleship may know: who has placed a fleet, every shot with its
/// answer (a sunk answer names its ship), each fleet once its side revealed it at the end, and how the
/// round ended. Sides count from the starter: 0 is Red, 1 is Teal.
///
/// Text form (the round's public position): "seen", then words separated by spaces: "ready=red" and
/// "ready=teal" once placed; the shots in order, the starter's first ("B5:o" a miss, "B5:x" a hit,
/// "B5:#C3V3" sunk with the ship, the last may be "B5:?" while unanswered); "red=FLEET" and
/// "teal=FLEET" once revealed; "won=red" or "won=teal" and, when no fleet was sunk to win,
/// "forfeit=withheld" (the loser kept its fleet to itself) or "forfeit=cheat" (its reveal did not
/// fit its answers).
class PublicRecord
{
public:
    enum class Forfeit
    {
        None,
        Withheld,
        Cheat,
    };

    /// What the side playing `protocol` may show of its round: never a fleet before it was revealed.
    static PublicRecord of(const Protocol& protocol);
    /// Reads the text form and judges it whole: shots alternate from the starter once both placed,
    /// each answer fits those before it, a fleet is revealed only at the end and fits every answer
    /// given about it, and a winner sank the other fleet or names the loser's forfeit. nullopt with
    /// the reason otherwise.
    static std::optional<PublicRecord> parse(std::string_view text, std::string& error);
    std::string toText() const;

    /// Placing until both placed; Revealing once a fleet is sunk; Over once the winner is known.
    Stage stage() const;
    bool hasPlaced(int side) const { return m_placed[side]; }
    /// The side whose shot is next, or waits for its answer.
    int shooter() const { return static_cast<int>(m_shots.size() % 2); }
    const std::optional<Coord>& pendingShot() const { return m_pending; }
    /// The answered shots, in order: the starter's first, then alternately.
    const std::vector<ShotRecord>& shots() const { return m_shots; }
    /// A side's sea as the other side's shots found it.
    const TargetSea& seaOf(int side) const { return m_seas[side]; }
    const std::optional<Fleet>& fleetOf(int side) const { return m_fleets[side]; }
    const std::optional<int>& winner() const { return m_winner; }
    Forfeit forfeit() const { return m_forfeit; }

    /// "Red fires at B5: hit"; what was placed before the first shot; "" at the start.
    std::string eventText() const;
    /// "Red sank Teal's fleet in 34 shots", "Teal forfeits: ..."; "" until the end.
    std::string resultText() const;
    /// Both seas for a terminal, Red's on the left.
    std::string boardText() const;

private:
    /// One word of the text form after "seen"; false with the reason.
    bool read(const std::string& word, std::string& error);
    bool readShot(const std::string& word, std::size_t colon, std::string& error);
    bool reveal(int side, const std::string& fleet, std::string& error);
    /// Whether the end, if any, is one a round can have.
    bool checkEnd(std::string& error) const;
    /// Adds an answered shot of the side to shoot.
    bool addShot(const ShotRecord& shot, std::string& error);

    std::array<bool, 2> m_placed{};
    std::vector<ShotRecord> m_shots;
    std::optional<Coord> m_pending;
    std::array<TargetSea, 2> m_seas;
    std::array<std::optional<Fleet>, 2> m_fleets;
    std::optional<int> m_winner;
    Forfeit m_forfeit = Forfeit::None;
};

/// "Red" or "Teal", for side 0 or 1.
const char* sideName(int side);

} // namespace battleship
