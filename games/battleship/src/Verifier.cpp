#include <mqttgames/battleship/Verifier.hpp>

#include <mqttgames/battleship/Commitment.hpp>
#include <mqttgames/battleship/OwnSea.hpp>

namespace battleship
{

namespace
{

Verdict cheat(Cheat kind, std::string reason)
{
    return {kind, std::move(reason)};
}

std::string outcomeName(ShotOutcome outcome)
{
    switch (outcome)
    {
    case ShotOutcome::Miss: return "Miss";
    case ShotOutcome::Hit: return "Hit";
    case ShotOutcome::Sunk: return "Sunk";
    }
    return "Miss";
}

} // namespace

Verdict verifyReveal(std::string_view commitment, std::string_view revealedFleet, const std::string& salt,
                     const std::vector<ShotRecord>& shots)
{
    std::string badPart;
    auto ships = parseShips(revealedFleet, &badPart);
    if (!ships)
        return cheat(Cheat::UnreadableFleet, "revealed fleet cannot be read at '" + badPart + "'");
    std::string whyNot;
    const auto fleet = Fleet::fromShips(std::move(*ships), &whyNot);
    if (!fleet)
        return cheat(Cheat::InvalidFleet, "revealed fleet is invalid: " + whyNot);
    if (commitmentOf(*fleet, salt) != commitment)
        return cheat(Cheat::CommitmentMismatch, "commitment does not match the revealed fleet");

    // Replaying my shots against the revealed fleet gives the answers an honest enemy owed me.
    OwnSea sea(*fleet);
    int claimedSinks = 0;
    for (const ShotRecord& record : shots)
    {
        const ShotAnswer owed = sea.receive(record.shot);
        const ShotOutcome given = record.answer.outcome;
        const std::string at = " at " + toString(record.shot);
        const auto shipHere = fleet->shipAt(record.shot);
        const std::string shipName = shipHere ? toString(fleet->ships()[*shipHere]) : "";
        if (given == ShotOutcome::Sunk)
            ++claimedSinks;

        if (given == owed.outcome)
        {
            if (given == ShotOutcome::Sunk && record.answer.sunkShip != owed.sunkShip)
                return cheat(Cheat::WrongShipNamed, "answered Sunk" + at + " naming "
                                                        + (record.answer.sunkShip ? toString(*record.answer.sunkShip) : "no ship")
                                                        + " where the revealed fleet has " + shipName);
            continue;
        }
        if (owed.outcome == ShotOutcome::Miss)
            return cheat(Cheat::FalseHit, "answered " + outcomeName(given) + at + " where the revealed fleet has no ship");
        if (given == ShotOutcome::Miss)
            return cheat(Cheat::FalseMiss, "answered Miss" + at + " where the revealed fleet has a ship");
        if (given == ShotOutcome::Hit)
            return cheat(Cheat::HiddenSink, "answered Hit" + at + " where that shot sank " + shipName);
        if (claimedSinks >= static_cast<int>(fleet->ships().size()))
            return cheat(Cheat::EarlyDefeat, "claimed the fleet sunk early" + at + " while " + shipName + " was still afloat");
        return cheat(Cheat::FalseSink, "answered Sunk" + at + " while " + shipName + " was still afloat");
    }
    return {};
}

} // namespace battleship
