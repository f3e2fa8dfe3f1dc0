#include <mqttgames/battleship/Round.hpp>

#include <cctype>
#include <random>
#include <utility>

#include <mqttgames/battleship/Bot.hpp>
#include <mqttgames/battleship/Codec.hpp>
#include <mqttgames/battleship/Commitment.hpp>

#include "Position.hpp"

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

} // namespace

Round::Round(bool localStarts) : m_protocol(localStarts)
{
}

engine::Turn Round::turn() const
{
    if (m_watched)
        return m_watched->stage() != Stage::Shooting ? engine::Turn::None
               : m_watched->shooter() == 0          ? engine::Turn::Local
                                                    : engine::Turn::Remote;
    switch (m_protocol.stage())
    {
        case Stage::Placing:
            if (!m_protocol.ownSea())
                return m_protocol.partnerHasPlaced() ? engine::Turn::Local : engine::Turn::Both;
            return engine::Turn::Remote;
        case Stage::Shooting:
            if (m_protocol.pendingShot())
                return engine::Turn::None; // our shot waits for its answer
            return m_protocol.localShoots() ? engine::Turn::Local : engine::Turn::Remote;
        case Stage::Revealing:
        case Stage::Over: break;
    }
    return engine::Turn::None;
}

engine::Outcome Round::outcome() const
{
    if (m_watched)
    {
        const auto& winner = m_watched->winner();
        return !winner ? engine::Outcome::Undecided : *winner == 0 ? engine::Outcome::Won : engine::Outcome::Lost;
    }
    // The round ends only once the partner's reveal was checked: until then a win may be a cheat's.
    if (m_protocol.stage() != Stage::Over)
        return engine::Outcome::Undecided;
    if (isForfeit())
        return engine::Outcome::Won; // a caught cheat, or a reveal withheld, forfeits
    return m_protocol.localSankAll() ? engine::Outcome::Won : engine::Outcome::Lost;
}

bool Round::isForfeit() const
{
    if (m_watched)
        return m_watched->forfeit() != PublicRecord::Forfeit::None;
    const auto& verdict = m_protocol.verdict();
    return m_protocol.stage() == Stage::Over && (m_protocol.revealWithheld() || (verdict && !verdict->verified()));
}

std::string Round::localSide() const { return m_protocol.localStarts() ? "Red" : "Teal"; }
std::string Round::remoteSide() const { return m_protocol.localStarts() ? "Teal" : "Red"; }

engine::Reply Round::act(std::string_view action)
{
    if (m_watched)
        return engine::Reply::refuse("a watched match takes no moves");
    return perform(trimmed(action));
}

engine::Reply Round::receive(const std::string& type, const nlohmann::json& body)
{
    if (m_watched)
        return engine::Reply::refuse("a watched match takes no messages");
    std::string error;
    const auto message = decode(type, body, error);
    if (!message)
        return engine::Reply::refuse(std::move(error));
    return reply(m_protocol.receive(*message));
}

engine::Reply Round::reply(Protocol::Step step)
{
    if (!step.accepted)
        return engine::Reply::refuse(std::move(step.reason));
    m_lastEvent = std::move(step.event);
    ++m_revision;
    std::vector<engine::Message> send;
    for (const Message& message : step.send)
        send.push_back(encode(message));
    return engine::Reply::accept(std::move(send));
}

engine::Reply Round::perform(std::string_view text)
{
    if (startsWithWord(text, "random"))
    {
        if (text.size() != 6)
            return engine::Reply::refuse("\"random\" takes nothing after it");
        auto random = freshRandom();
        return place(Fleet::random(random));
    }
    if (startsWithWord(text, "place"))
    {
        std::string whyNot;
        const auto fleet = Fleet::parse(trimmed(text.substr(5)), &whyNot);
        if (!fleet)
            return engine::Reply::refuse("not a fleet: " + whyNot);
        return place(*fleet);
    }
    if (const auto cell = parseCoord(text))
        return reply(m_protocol.shoot(*cell));
    const bool placing = m_protocol.stage() == Stage::Placing;
    return engine::Reply::refuse("\"" + std::string(text) + "\" is not " + (placing ? "\"random\" or \"place ...\"" : "a cell A1-J10"));
}

engine::Reply Round::place(const Fleet& fleet)
{
    if (m_protocol.ownSea())
        return engine::Reply::refuse("your fleet is already placed"); // before a salt is drawn for nothing
    try
    {
        return reply(m_protocol.place(fleet, randomSalt()));
    }
    catch (const std::exception& failure)
    {
        return engine::Reply::refuse(failure.what());
    }
}

void Round::settleTimedOut()
{
    if (!m_protocol.settleTimedOut())
        return;
    m_lastEvent = "partner did not reveal their fleet in time: it forfeits the round";
    ++m_revision;
}

bool Round::load(std::string_view position, std::string& error)
{
    if (trimmed(position).starts_with("seen"))
    {
        auto record = PublicRecord::parse(position, error);
        if (!record)
            return false;
        m_watched = std::move(record);
        m_protocol = Protocol(m_protocol.localStarts());
        m_lastEvent = m_watched->eventText();
        ++m_revision;
        return true;
    }
    auto loaded = positionOf(position, m_protocol.localStarts(), error);
    if (!loaded)
        return false;
    m_protocol = std::move(*loaded);
    m_watched.reset();
    m_lastEvent.clear();
    ++m_revision;
    return true;
}

engine::BotJob Round::botJob(int level) const
{
    const Level chosen = engine::botLevelAt(level);
    if (m_protocol.stage() == Stage::Placing)
        return [](const engine::BotControl&) -> std::string
        {
            auto random = freshRandom();
            return "place " + Fleet::random(random).toText();
        };
    return [sea = m_protocol.targetSea(), chosen](const engine::BotControl&) -> std::string
    {
        auto random = freshRandom();
        const auto cell = chooseShot(chosen, sea, random);
        return cell ? toString(*cell) : std::string();
    };
}

} // namespace battleship
