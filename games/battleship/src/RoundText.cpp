#include <mqttgames/battleship/Round.hpp>

#include <sstream>

#include "SeaText.hpp"

// What a round of Battleship shows in words: the boards for a terminal, the status, the result and
// the check of the partner's fleet.

namespace battleship
{

namespace
{

std::string ownRow(const OwnSea* sea, int row)
{
    std::string line;
    for (int column = 0; column < SeaSize; ++column)
    {
        const Coord cell{column, row};
        char mark = '.';
        if (sea)
        {
            const auto ship = sea->fleet().shipAt(cell);
            if (ship && sea->isSunk(*ship))
                mark = '#';
            else if (ship && sea->isShot(cell))
                mark = 'x';
            else if (ship)
                mark = static_cast<char>('0' + sea->fleet().ships()[*ship].length);
            else if (sea->isShot(cell))
                mark = 'o';
        }
        line += ' ';
        line += mark;
    }
    return line;
}

} // namespace

std::string Round::verificationText() const
{
    if (m_watched)
        return {};
    switch (m_protocol.stage())
    {
        case Stage::Placing:
        case Stage::Shooting: return {};
        case Stage::Revealing: return "Waiting for the partner to reveal its fleet\xE2\x80\xA6";
        case Stage::Over: break;
    }
    if (m_protocol.revealWithheld())
        return "Forfeit: the partner did not reveal their fleet in time";
    if (!m_protocol.verdict()->verified())
        return "Cheat: " + m_protocol.verdict()->reason;
    return "Fleet verified: it matches the commitment and all " + std::to_string(m_protocol.answersReceived().size()) + " answers";
}

std::string Round::boardText() const
{
    if (m_watched)
        return m_watched->boardText();
    std::ostringstream text;
    text << "   Your fleet              Enemy waters\n";
    text << "   A B C D E F G H I J     A B C D E F G H I J\n";
    for (int row = 0; row < SeaSize; ++row)
    {
        const std::string number = rowNumber(row);
        text << number << ownRow(m_protocol.ownSea(), row) << "  " << number << foundRow(m_protocol.targetSea(), m_protocol.revealedFleet(), row) << '\n';
    }
    if (const std::string verification = verificationText(); !verification.empty())
        text << verification << '\n';
    return text.str();
}

std::string Round::notationHelp() const
{
    if (m_watched)
        return "nothing: a watched match takes no moves";
    if (m_protocol.stage() == Stage::Placing)
        return "\"random\", or \"place\" and the five ships like A1H5,C3V4,E5H3,G7V3,J1V2 "
               "(origin, H or V, length 5 4 3 3 2)";
    return "a cell A1-J10 to shoot at";
}

std::string Round::resultText() const
{
    if (m_watched)
        return m_watched->resultText();
    if (m_protocol.stage() != Stage::Over)
        return {};
    if (m_protocol.verdict() && !m_protocol.verdict()->verified())
        return "Partner cheated: " + m_protocol.verdict()->reason;
    if (m_protocol.revealWithheld())
        return "Partner forfeits: it did not reveal its fleet in time";
    if (m_protocol.localSankAll())
        return "You sank the enemy fleet in " + std::to_string(m_protocol.targetSea().shotsFired()) + " shots; their fleet verified";
    return "Your fleet was sunk in " + std::to_string(m_protocol.shotsReceived()) + " shots; their fleet verified";
}

std::string Round::statusText() const
{
    if (m_watched)
    {
        const Stage stage = m_watched->stage();
        return stage == Stage::Placing ? "Placing fleets" : stage == Stage::Revealing ? "Revealing fleets" : "";
    }
    switch (m_protocol.stage())
    {
        case Stage::Placing: return m_protocol.ownSea() ? "Partner placing fleet" : "Placing fleet";
        case Stage::Revealing: return "Verifying the partner's fleet\xE2\x80\xA6";
        case Stage::Shooting:
        case Stage::Over: break;
    }
    return {};
}

} // namespace battleship
