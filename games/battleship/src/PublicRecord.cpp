#include <mqttgames/battleship/PublicRecord.hpp>

#include <sstream>

#include "RoundWords.hpp"

namespace battleship
{

namespace
{

constexpr std::array<const char*, 2> SideWords{"red", "teal"};

std::optional<int> sideNamed(std::string_view word)
{
    for (int side = 0; side < 2; ++side)
        if (word == SideWords[side])
            return side;
    return std::nullopt;
}

// "o", "x" or "#SHIP" for an answer.
std::string answerWord(const ShotAnswer& answer)
{
    switch (answer.outcome)
    {
        case ShotOutcome::Miss: return "o";
        case ShotOutcome::Hit: return "x";
        case ShotOutcome::Sunk: break;
    }
    return "#" + (answer.sunkShip ? toString(*answer.sunkShip) : std::string());
}

std::optional<ShotAnswer> parseAnswer(std::string_view word)
{
    if (word == "o")
        return ShotAnswer{ShotOutcome::Miss, std::nullopt};
    if (word == "x")
        return ShotAnswer{ShotOutcome::Hit, std::nullopt};
    if (word.size() < 2 || word.front() != '#')
        return std::nullopt;
    const auto ship = parseShip(word.substr(1));
    if (!ship)
        return std::nullopt;
    return ShotAnswer{ShotOutcome::Sunk, ship};
}

// Why a fleet cannot be the one these answers were given from ("" when it can).
std::string whyNotFitting(const Fleet& fleet, const TargetSea& sea)
{
    for (int index = 0; index < SeaCells; ++index)
    {
        const Coord cell = coordAt(index);
        const CellState state = sea.at(cell);
        const bool ship = fleet.shipAt(cell).has_value();
        if (state == CellState::Miss && ship)
            return "it has a ship at " + toString(cell) + ", answered as a miss";
        if ((state == CellState::Hit || state == CellState::Sunk) && !ship)
            return "it has no ship at " + toString(cell) + ", answered as a hit";
    }
    for (const Ship& sunk : sea.sunkShips())
        if (std::ranges::find(fleet.ships(), sunk) == fleet.ships().end())
            return "it has no ship " + toString(sunk) + ", answered as sunk";
    return {};
}

} // namespace

const char* sideName(int side)
{
    return side == 0 ? "Red" : "Teal";
}

PublicRecord PublicRecord::of(const Protocol& protocol)
{
    PublicRecord record;
    const int local = protocol.localStarts() ? 0 : 1;
    const int partner = 1 - local;
    record.m_placed[local] = protocol.ownSea() != nullptr;
    record.m_placed[partner] = protocol.partnerHasPlaced();
    // Shots alternate from the starter: the two lists interleave.
    const auto& byStarter = local == 0 ? protocol.answersReceived() : protocol.answersGiven();
    const auto& bySecond = local == 0 ? protocol.answersGiven() : protocol.answersReceived();
    std::string ignored; // the protocol judged every answer already
    for (std::size_t i = 0; i < byStarter.size(); ++i)
    {
        record.addShot(byStarter[i], ignored);
        if (i < bySecond.size())
            record.addShot(bySecond[i], ignored);
    }
    record.m_pending = protocol.pendingShot();
    const Stage stage = protocol.stage();
    if (stage == Stage::Revealing || stage == Stage::Over) // our reveal went out with the sinking
        record.m_fleets[local] = protocol.ownSea()->fleet();
    record.m_fleets[partner] = protocol.revealedFleet();
    if (stage == Stage::Over)
    {
        const auto& verdict = protocol.verdict();
        record.m_forfeit = protocol.revealWithheld()            ? Forfeit::Withheld
                           : verdict && !verdict->verified() ? Forfeit::Cheat
                                                             : Forfeit::None;
        record.m_winner = record.m_forfeit != Forfeit::None || protocol.localSankAll() ? local : partner;
    }
    return record;
}

std::optional<PublicRecord> PublicRecord::parse(std::string_view text, std::string& error)
{
    std::istringstream words{std::string(text)};
    std::string word;
    if (!(words >> word) || word != "seen")
    {
        error = "a watched position starts with \"seen\"";
        return std::nullopt;
    }
    PublicRecord record;
    while (words >> word)
        if (!record.read(word, error))
            return std::nullopt;
    if (!record.checkEnd(error))
        return std::nullopt;
    return record;
}

bool PublicRecord::read(const std::string& word, std::string& error)
{
    if (m_winner && !word.starts_with("forfeit="))
    {
        error = "\"" + word + "\" after the end";
        return false;
    }
    const auto colon = word.find(':');
    const auto equals = word.find('=');
    if (colon != std::string::npos && equals == std::string::npos)
        return readShot(word, colon, error);
    if (equals == std::string::npos)
    {
        error = "\"" + word + "\" is neither a shot like B5:o nor a word like ready=red";
        return false;
    }
    const std::string key = word.substr(0, equals);
    const std::string value = word.substr(equals + 1);
    if (const auto side = sideNamed(key))
        return reveal(*side, value, error);
    if (key == "forfeit")
    {
        if (!m_winner || m_forfeit != Forfeit::None || (value != "withheld" && value != "cheat"))
        {
            error = "\"" + word + "\": a forfeit, withheld or cheat, follows won= once";
            return false;
        }
        m_forfeit = value == "withheld" ? Forfeit::Withheld : Forfeit::Cheat;
        return true;
    }
    const auto side = sideNamed(value);
    if (!side || (key != "ready" && key != "won"))
    {
        error = "\"" + word + "\" is not ready=, won=, red=, teal= or forfeit= with a fitting value";
        return false;
    }
    if (key == "won")
    {
        m_winner = side;
        return true;
    }
    if (m_placed[*side] || !m_shots.empty() || m_pending)
    {
        error = "\"" + word + "\" comes twice, or after a shot";
        return false;
    }
    m_placed[*side] = true;
    return true;
}

bool PublicRecord::readShot(const std::string& word, std::size_t colon, std::string& error)
{
    const auto cell = parseCoord(word.substr(0, colon));
    const std::string answerPart = word.substr(colon + 1);
    const auto answer = parseAnswer(answerPart);
    if (!cell || (!answer && answerPart != "?"))
    {
        error = "\"" + word + "\" is not a shot like B5:o, B5:x, B5:#C3V3 or B5:?";
        return false;
    }
    if (stage() != Stage::Shooting || m_pending || m_fleets[0] || m_fleets[1])
    {
        error = "the shot " + word + " comes " +
                (stage() == Stage::Placing ? "before both fleets are placed" : m_pending ? "while a shot waits for its answer" : "after a fleet was sunk");
        return false;
    }
    if (m_seas[1 - shooter()].isShot(*cell))
    {
        error = "the shot " + word + ": " + toString(*cell) + " was shot before";
        return false;
    }
    if (!answer)
    {
        m_pending = cell;
        return true;
    }
    return addShot({*cell, *answer}, error);
}

bool PublicRecord::addShot(const ShotRecord& shot, std::string& error)
{
    TargetSea& sea = m_seas[1 - shooter()];
    if (!sea.record(shot.shot, shot.answer))
    {
        error = "the shot " + toString(shot.shot) + ": " + whyAnswerDoesNotFit(sea, shot);
        return false;
    }
    m_shots.push_back(shot);
    return true;
}

bool PublicRecord::reveal(int side, const std::string& text, std::string& error)
{
    const std::string named = SideWords[side];
    if (m_fleets[side])
    {
        error = "the " + named + " fleet is revealed twice";
        return false;
    }
    if (!m_seas[0].allSunk() && !m_seas[1].allSunk())
    {
        error = "the " + named + " fleet is revealed before a fleet was sunk";
        return false;
    }
    std::string why;
    const auto fleet = Fleet::parse(text, &why);
    if (fleet)
        why = whyNotFitting(*fleet, m_seas[side]);
    if (!why.empty())
    {
        error = "the " + named + " fleet " + text + " cannot be: " + why;
        return false;
    }
    m_fleets[side] = fleet;
    return true;
}

bool PublicRecord::checkEnd(std::string& error) const
{
    if (!m_winner)
        return true;
    const int loser = 1 - *m_winner;
    if (m_forfeit == Forfeit::None && !m_seas[loser].allSunk())
        error = std::string("won=") + SideWords[*m_winner] + ", but the " + SideWords[loser] + " fleet is not sunk";
    else if (!m_seas[0].allSunk() && !m_seas[1].allSunk())
        error = std::string("won=") + SideWords[*m_winner] + " before a fleet was sunk";
    return error.empty();
}

std::string PublicRecord::toText() const
{
    std::string text = "seen";
    for (int side = 0; side < 2; ++side)
        if (m_placed[side])
            text += std::string(" ready=") + SideWords[side];
    for (const ShotRecord& shot : m_shots)
        text += " " + toString(shot.shot) + ":" + answerWord(shot.answer);
    if (m_pending)
        text += " " + toString(*m_pending) + ":?";
    for (int side = 0; side < 2; ++side)
        if (m_fleets[side])
            text += std::string(" ") + SideWords[side] + "=" + m_fleets[side]->toText();
    if (m_winner)
        text += std::string(" won=") + SideWords[*m_winner];
    if (m_forfeit != Forfeit::None)
        text += m_forfeit == Forfeit::Withheld ? " forfeit=withheld" : " forfeit=cheat";
    return text;
}

Stage PublicRecord::stage() const
{
    if (!m_placed[0] || !m_placed[1])
        return Stage::Placing;
    if (m_winner)
        return Stage::Over;
    if (m_seas[0].allSunk() || m_seas[1].allSunk())
        return Stage::Revealing;
    return Stage::Shooting;
}

} // namespace battleship
