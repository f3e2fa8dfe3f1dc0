#include <mqttgames/battleship/Round.hpp>

#include <algorithm>
#include <cctype>
#include <deque>
#include <random>
#include <sstream>
#include <utility>

#include <mqttgames/battleship/Bot.hpp>
#include <mqttgames/battleship/Codec.hpp>
#include <mqttgames/battleship/Commitment.hpp>

#include "RoundWords.hpp"

namespace battleship
{

namespace
{

std::string_view trimmed(std::string_view text)
{
    const auto isSpace = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

bool startsWithWord(std::string_view text, std::string_view word)
{
    if (text.size() < word.size())
        return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[i])) != word[i])
            return false;
    return text.size() == word.size() || std::isspace(static_cast<unsigned char>(text[word.size()]));
}

std::mt19937_64 freshRandom()
{
    std::random_device device;
    return std::mt19937_64((static_cast<std::uint64_t>(device()) << 32) ^ device());
}

// Why `sea` refuses this answer to a shot at a fresh cell (TargetSea::record only says no).
std::string whyImpossible(const TargetSea& sea, const ShotRecord& result)
{
    const Ship& ship = *result.answer.sunkShip;
    const auto& afloat = sea.remainingLengths();
    if (std::ranges::find(afloat, ship.length) == afloat.end())
        return "no ship of length " + std::to_string(ship.length) + " is still afloat";
    for (const Coord cell : ship.cells())
        if (cell != result.shot && sea.at(cell) != CellState::Hit)
            return "the sunk ship " + toString(ship) + " was never hit at " + toString(cell);
    return "the answer does not fit the answers before it";
}

// The one line of a sea for boardText: own fleet (with its hits) or what we know of the enemy's.

} // namespace

Round::Round(bool localStarts) : m_localStarts(localStarts), m_localShoots(localStarts)
{
}

Stage Round::stage() const
{
    if (!m_own || !m_partnerCommitment)
        return Stage::Placing;
    if (m_reveal.verdict || m_reveal.withheld)
        return Stage::Over;
    if (localSankAll() || partnerSankAll())
        return Stage::Revealing;
    return Stage::Shooting;
}

const std::string& Round::partnerCommitment() const
{
    static const std::string none;
    return m_partnerCommitment ? *m_partnerCommitment : none;
}

engine::Turn Round::turn() const
{
    switch (stage())
    {
        case Stage::Placing:
            if (!m_own)
                return m_partnerCommitment ? engine::Turn::Local : engine::Turn::Both;
            return engine::Turn::Remote;
        case Stage::Shooting:
            if (m_pending)
                return engine::Turn::None; // our shot waits for its answer
            return m_localShoots ? engine::Turn::Local : engine::Turn::Remote;
        case Stage::Revealing:
        case Stage::Over: break;
    }
    return engine::Turn::None;
}

engine::Outcome Round::outcome() const
{
    // The round ends only once the partner's reveal was checked: until then a win may be a cheat's.
    if (stage() != Stage::Over)
        return engine::Outcome::Undecided;
    if (m_reveal.verdict && !m_reveal.verdict->verified())
        return engine::Outcome::Won; // a caught cheat forfeits
    return localSankAll() ? engine::Outcome::Won : engine::Outcome::Lost;
}

std::string Round::localSide() const { return m_localStarts ? "Red" : "Teal"; }
std::string Round::remoteSide() const { return m_localStarts ? "Teal" : "Red"; }

engine::Reply Round::act(std::string_view action)
{
    std::string error;
    const bool accepted = perform(action, error);
    return reply(accepted, std::move(error));
}

engine::Reply Round::receive(const std::string& type, const nlohmann::json& body)
{
    std::string error;
    const bool accepted = take(type, body, error);
    return reply(accepted, std::move(error));
}

engine::Reply Round::reply(bool accepted, std::string error)
{
    if (!accepted)
    {
        m_outgoing.clear();
        return engine::Reply::refuse(std::move(error));
    }
    return engine::Reply::accept(std::exchange(m_outgoing, {}));
}

bool Round::perform(std::string_view action, std::string& error)
{
    const std::string_view text = trimmed(action);
    if (startsWithWord(text, "random"))
    {
        if (text.size() != 6)
        {
            error = "\"random\" takes nothing after it";
            return false;
        }
        auto random = freshRandom();
        return place(Fleet::random(random), error);
    }
    if (startsWithWord(text, "place"))
    {
        std::string whyNot;
        const auto fleet = Fleet::parse(trimmed(text.substr(5)), &whyNot);
        if (!fleet)
        {
            error = "not a fleet: " + whyNot;
            return false;
        }
        return place(*fleet, error);
    }
    if (const auto cell = parseCoord(text))
        return shoot(*cell, error);
    error = "\"" + std::string(text) + "\" is not " + (stage() == Stage::Placing ? "\"random\" or \"place ...\"" : "a cell A1-J10");
    return false;
}

bool Round::place(const Fleet& fleet, std::string& error)
{
    if (m_own)
    {
        error = "your fleet is already placed";
        return false;
    }
    std::string salt;
    try
    {
        salt = randomSalt();
    }
    catch (const std::exception& failure)
    {
        error = failure.what();
        return false;
    }
    m_salt = std::move(salt);
    m_own.emplace(fleet);
    m_commitment = commitmentOf(fleet, m_salt);
    send("commit", encodeCommit(m_commitment));
    m_lastEvent = "you placed your fleet (commitment " + shortHash(m_commitment) + ")";
    return true;
}

bool Round::shoot(Coord cell, std::string& error)
{
    switch (stage())
    {
        case Stage::Placing:
            error = m_own ? "the partner is still placing its fleet" : "place your fleet first";
            return false;
        case Stage::Revealing:
        case Stage::Over: error = "the game is over"; return false;
        case Stage::Shooting: break;
    }
    if (m_pending)
    {
        error = "your shot at " + toString(*m_pending) + " is still waiting for its answer";
        return false;
    }
    if (!m_localShoots)
    {
        error = "it is not your turn";
        return false;
    }
    if (m_target.isShot(cell))
    {
        error = toString(cell) + " was already shot";
        return false;
    }
    m_pending = cell;
    send("shot", encodeShot(cell));
    m_lastEvent = "you fire at " + toString(cell);
    return true;
}

bool Round::take(const std::string& type, const nlohmann::json& body, std::string& error)
{
    if (type == "commit")
        return receiveCommit(body, error);
    if (type == "shot")
        return receiveShot(body, error);
    if (type == "result")
        return receiveResult(body, error);
    if (type == "reveal")
        return receiveReveal(body, error);
    error = "unknown message \"" + type + "\"";
    return false;
}

bool Round::receiveCommit(const nlohmann::json& body, std::string& error)
{
    if (m_partnerCommitment)
    {
        error = "the partner already committed to a fleet";
        return false;
    }
    const auto commitment = decodeCommit(body, error);
    if (!commitment)
        return false;
    m_partnerCommitment = *commitment;
    m_lastEvent = "partner placed its fleet (commitment " + shortHash(*commitment) + ")";
    return true;
}

bool Round::receiveShot(const nlohmann::json& body, std::string& error)
{
    switch (stage())
    {
        case Stage::Placing: error = "a shot before both fleets are placed"; return false;
        case Stage::Revealing:
        case Stage::Over: error = "a shot after the game is over"; return false;
        case Stage::Shooting: break;
    }
    if (m_localShoots)
    {
        error = "a shot out of turn";
        return false;
    }
    const auto cell = decodeShot(body, error);
    if (!cell)
        return false;
    if (m_own->isShot(*cell))
    {
        error = toString(*cell) + " was already shot";
        return false;
    }
    const ShotAnswer answer = m_own->receive(*cell);
    m_lastIncoming = *cell;
    ++m_shotsReceived;
    m_localShoots = true;
    send("result", encodeResult({*cell, answer}));
    m_lastEvent = "partner fires at " + toString(*cell) + ": " + answerText(answer);
    revealIfOver();
    return true;
}

bool Round::receiveResult(const nlohmann::json& body, std::string& error)
{
    if (!m_pending)
    {
        error = "a result for a shot never fired";
        return false;
    }
    const auto result = decodeResult(body, error);
    if (!result)
        return false;
    if (result->shot != *m_pending)
    {
        error = "a result for " + toString(result->shot) + ", but the shot was at " + toString(*m_pending);
        return false;
    }
    if (!m_target.record(result->shot, result->answer))
    {
        error = whyImpossible(m_target, *result);
        return false;
    }
    m_answers.push_back(*result);
    m_pending.reset();
    m_localShoots = false;
    m_lastEvent = toString(result->shot) + ": " + answerText(result->answer);
    revealIfOver();
    return true;
}

bool Round::receiveReveal(const nlohmann::json& body, std::string& error)
{
    switch (stage())
    {
        case Stage::Placing:
        case Stage::Shooting: error = "a reveal before the end"; return false;
        case Stage::Over: error = "the partner already revealed its fleet"; return false;
        case Stage::Revealing: break;
    }
    const auto reveal = decodeReveal(body, error);
    if (!reveal)
        return false;
    m_reveal.verdict = verifyReveal(*m_partnerCommitment, reveal->fleet, reveal->salt, m_answers);
    if (m_reveal.verdict->verified())
        m_reveal.partnerFleet = Fleet::parse(reveal->fleet);
    m_lastEvent = "partner reveals " + (m_reveal.partnerFleet ? m_reveal.partnerFleet->toText() : std::string("its fleet")) + ": " +
                  (m_reveal.verdict->verified() ? "verified" : "cheat, " + m_reveal.verdict->reason);
    return true;
}

void Round::settleTimedOut()
{
    if (stage() != Stage::Revealing)
        return;
    m_reveal.withheld = true;
    m_lastEvent = "partner did not reveal their fleet: not verified";
}

void Round::revealIfOver()
{
    if (m_reveal.sent || !(localSankAll() || partnerSankAll()))
        return;
    m_reveal.sent = true;
    send("reveal", encodeReveal(m_own->fleet(), m_salt));
}

void Round::send(const std::string& type, nlohmann::json body)
{
    m_outgoing.push_back({type, std::move(body)});
}

engine::BotJob Round::botJob(int level) const
{
    const Level chosen = level <= 0 ? Level::Easy : level == 1 ? Level::Medium : Level::Hard;
    if (stage() == Stage::Placing)
        return [](const engine::BotControl&) -> std::string
        {
            auto random = freshRandom();
            return "place " + Fleet::random(random).toText();
        };
    return [sea = m_target, chosen](const engine::BotControl&) -> std::string
    {
        auto random = freshRandom();
        const auto cell = chooseShot(chosen, sea, random);
        return cell ? toString(*cell) : std::string();
    };
}

} // namespace battleship
