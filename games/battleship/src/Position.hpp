#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <mqttgames/battleship/Protocol.hpp>

namespace battleship
{

/// Our side of a round at the position "SEED [SHOT...] [auto N | auto end]" (see Round::load),
/// played through the protocol against a partner whose fleet is drawn from the same seed: every
/// shot, answer and the partner's reveal is a message our Protocol judges. The partner is only its
/// sea answering our shots and a medium bot aiming its own; nothing of a second round is simulated.
/// nullopt with the reason in `error` for a position that cannot be.
std::optional<Protocol> positionOf(std::string_view position, bool localStarts, std::string& error);

} // namespace battleship
