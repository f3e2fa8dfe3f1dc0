#pragma once

#include <string>
#include <string_view>
#include <vector>

#include <mqttgames/battleship/Shot.hpp>

namespace battleship
{

/// One of my shots and the answer the enemy gave.
struct ShotRecord
{
    Coord shot;
    ShotAnswer answer;

    friend bool operator==(const ShotRecord&, const ShotRecord&) = default;
};

/// The ways an enemy's answers can be caught out by its reveal.
enum class Cheat
{
    None,
    UnreadableFleet,     ///< The revealed fleet text cannot be read.
    InvalidFleet,        ///< The revealed fleet breaks the rules (overlap, outside, wrong lengths).
    CommitmentMismatch,  ///< The revealed fleet and salt do not give the commitment.
    FalseMiss,           ///< Answered Miss on a ship.
    FalseHit,            ///< Answered Hit or Sunk on water.
    HiddenSink,          ///< Answered Hit to the shot that sank a ship.
    FalseSink,           ///< Answered Sunk while the ship still had cells not hit.
    EarlyDefeat,         ///< A false Sunk that declared the whole fleet sunk.
    WrongShipNamed,      ///< Answered Sunk naming a ship other than the one sunk.
};

/// The outcome of checking a reveal; reason names the first cheat found, e.g.
/// "answered Miss at C5 where the revealed fleet has a ship".
struct Verdict
{
    Cheat cheat = Cheat::None;
    std::string reason;

    bool verified() const { return cheat == Cheat::None; }
};

/// Checks the enemy's reveal at the end of a game against its commitment from the start and every
/// answer it gave to my shots, in order. Never throws on bad input; it is the enemy's to blame.
Verdict verifyReveal(std::string_view commitment, std::string_view revealedFleet, const std::string& salt,
                     const std::vector<ShotRecord>& shots);

} // namespace battleship
