#include <mqttgames/battleship/RoundGame.hpp>

#include <mqttgames/battleship/Codec.hpp>
#include <mqttgames/battleship/Round.hpp>

namespace battleship
{

const engine::GameInfo& RoundGame::info() const
{
    static const engine::GameInfo info{"battleship", "Battleship", ProtocolVersion, {"easy", "medium", "hard"},
                                       {{"playing", "7 auto 50"}, {"gameover", "3 auto end"}},
                                       false}; // an answered shot cannot be taken back
    return info;
}

std::unique_ptr<engine::Round> RoundGame::newRound(const engine::RoundSetup& setup) const
{
    return std::make_unique<Round>(setup.localStarts);
}

} // namespace battleship
