#pragma once

#include <string>
#include <variant>

#include <mqttgames/battleship/Coord.hpp>
#include <mqttgames/battleship/Verifier.hpp>

// The messages two sides of a round exchange, as values. Codec.hpp turns them into JSON and back.

namespace battleship
{

/// "commit": the commitment to a fleet (see commitmentOf); never the fleet itself.
struct Commit
{
    std::string commitment;

    friend bool operator==(const Commit&, const Commit&) = default;
};

/// "shot": a cell fired at.
struct Fire
{
    Coord cell;

    friend bool operator==(const Fire&, const Fire&) = default;
};

/// "reveal", at the end: the committed fleet as text and the salt of the commitment. The text is
/// kept as sent; readability and validity are the verifier's to judge (and blame).
struct Reveal
{
    std::string fleet;
    std::string salt;

    friend bool operator==(const Reveal&, const Reveal&) = default;
};

/// One message; "result", the answer to a shot, is a ShotRecord.
using Message = std::variant<Commit, Fire, ShotRecord, Reveal>;

} // namespace battleship
