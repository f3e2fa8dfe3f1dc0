#include <mqttgames/battleship/PublicRecord.hpp>

#include <sstream>

#include "RoundWords.hpp"
#include "SeaText.hpp"

// What a watched round of Battleship says in words: nobody is "you".

namespace battleship
{

std::string PublicRecord::eventText() const
{
    if (m_pending)
        return std::string(sideName(shooter())) + " fires at " + toString(*m_pending);
    if (!m_shots.empty())
    {
        const int side = 1 - shooter(); // the side that fired the last answered shot
        const ShotRecord& last = m_shots.back();
        return std::string(sideName(side)) + " fires at " + toString(last.shot) + ": " + answerText(last.answer);
    }
    if (m_placed[0] && m_placed[1])
        return "Both fleets are placed";
    for (int side = 0; side < 2; ++side)
        if (m_placed[side])
            return std::string(sideName(side)) + " placed its fleet";
    return {};
}

std::string PublicRecord::resultText() const
{
    if (!m_winner)
        return {};
    const std::string winner = sideName(*m_winner);
    const std::string loser = sideName(1 - *m_winner);
    switch (m_forfeit)
    {
        case Forfeit::Withheld: return loser + " forfeits: it did not reveal its fleet in time";
        case Forfeit::Cheat: return loser + " forfeits: its revealed fleet does not fit its answers";
        case Forfeit::None: break;
    }
    return winner + " sank " + loser + "'s fleet in " + std::to_string(m_seas[1 - *m_winner].shotsFired()) + " shots";
}

std::string PublicRecord::boardText() const
{
    std::ostringstream text;
    text << "   Red's fleet             Teal's fleet\n";
    text << "   A B C D E F G H I J     A B C D E F G H I J\n";
    for (int row = 0; row < SeaSize; ++row)
        text << rowNumber(row) << foundRow(m_seas[0], m_fleets[0], row) << "  " << rowNumber(row)
             << foundRow(m_seas[1], m_fleets[1], row) << '\n';
    switch (stage())
    {
        case Stage::Placing: text << "The fleets are being placed\n"; break;
        case Stage::Revealing: text << "A fleet is sunk: the fleets are being revealed and checked\n"; break;
        case Stage::Shooting:
        case Stage::Over: break;
    }
    return text.str();
}

} // namespace battleship
