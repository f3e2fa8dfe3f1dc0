#include "SignedPair.hpp"

#include <utility>

namespace mqtt::detail
{

namespace
{
constexpr std::string_view RoomField = ",p=";
constexpr std::uint64_t Window = 64;
} // namespace

SignedPair::SignedPair(std::string ourId, std::string roomPassword) :
m_ourId(std::move(ourId)), m_roomPassword(std::move(roomPassword)), m_willSecret(randomHex(16))
{
}

// --- our side ------------------------------------------------------------------------------------

std::string SignedPair::hello(wire::Hello fields, bool willIsVerifiable)
{
    fields.key = m_keys.publicHex();
    fields.willHash = willIsVerifiable ? sha256Hex(m_willSecret) : std::string();
    std::string text = wire::makeHello(fields);
    if (!m_roomPassword.empty())
        text += std::string(RoomField) + tagHex(roomKey(m_roomPassword), wire::signedInput(m_ourId, 0, text));
    if (const auto tag = tagged(text))
        text = wire::withTag(text, m_sent, *tag);
    return text;
}

void SignedPair::renewWillSecret()
{
    m_willSecret = randomHex(16);
}

std::string SignedPair::seal(std::string_view text)
{
    const auto tag = tagged(text);
    if (!tag)
        return std::string(text);
    return wire::makeSigned({m_sent, *tag, std::string(text)});
}

std::optional<std::string> SignedPair::tagged(std::string_view text)
{
    if (!m_key)
        return std::nullopt;
    return tagHex(*m_key, wire::signedInput(m_ourId, ++m_sent, text));
}

// --- the partner ---------------------------------------------------------------------------------

SignedPair::Pairing SignedPair::pair(const std::string& partnerId, std::string_view helloText, const wire::Hello& hello)
{
    if (!roomTagHolds(partnerId, helloText, hello))
        return Pairing::Refused;
    if (hello.key.empty())
    {
        if (!m_roomPassword.empty())
            return Pairing::Refused; // a client without keys cannot prove that it knows the password
        unpair();
        m_partnerId = partnerId;
        return Pairing::Unsigned;
    }
    const auto shared = m_keys.agree(hello.key);
    if (!shared)
        return Pairing::Refused;
    // The same partner again (a new pairing in the same sessions): its old messages stay replays.
    const bool samePartner = partnerId == m_partnerId && hello.key == m_partnerKey;
    const auto [highest, seenBelow] = samePartner ? std::pair(m_highest, m_seenBelow) : std::pair<std::uint64_t, std::uint64_t>(0, 0);
    unpair();
    m_partnerId = partnerId;
    m_partnerKey = hello.key;
    m_key = pairKey(*shared, m_ourId, partnerId, m_roomPassword);
    m_partnerWillHash = hello.willHash;
    m_highest = highest;
    m_seenBelow = seenBelow;
    // An answer is tagged already: it must hold, or it is not the holder of that key speaking.
    if (wire::helloTag(helloText) && checkHello(helloText, hello) == Check::Refused)
    {
        unpair();
        return Pairing::Refused;
    }
    return Pairing::Signed;
}

void SignedPair::unpair()
{
    m_partnerId.clear();
    m_partnerKey.clear();
    m_key.reset();
    m_partnerWillHash.clear();
    m_confirmed = false;
    m_highest = 0;
    m_seenBelow = 0;
}

SignedPair::Check SignedPair::checkHello(std::string_view helloText, const wire::Hello& hello)
{
    if (!m_key)
        return Check::Unchecked;
    const auto tag = wire::helloTag(helloText);
    if (!tag)
        // Before the partner signed anything, its hellos may still be those it sent before it had
        // our answer, or answers to another player it paired with instead of us.
        return m_confirmed ? Check::Refused : Check::Unchecked;
    if (hello.key != m_partnerKey || !verify(tag->counter, tag->tag, tag->text))
        return Check::Refused;
    if (!hello.willHash.empty())
        m_partnerWillHash = hello.willHash; // the partner's new will, after it lost its connection
    return Check::Verified;
}

std::optional<std::string> SignedPair::open(std::string_view text)
{
    if (!m_key)
        return std::string(text);
    // The goodbye of a partner that left before it had our answer: it never paired with us.
    if (!m_confirmed && text == wire::DisconnectText)
        return std::string(text);
    auto message = wire::parseSigned(text);
    if (!message || !verify(message->counter, message->tag, message->text))
        return std::nullopt;
    return std::move(message->text);
}

bool SignedPair::isPartnersWill(std::string_view secret) const
{
    if (!m_key || m_partnerWillHash.empty())
        return true;
    return !secret.empty() && sameInConstantTime(sha256Hex(secret), m_partnerWillHash);
}

bool SignedPair::verify(std::uint64_t counter, std::string_view tag, std::string_view text)
{
    if (!sameInConstantTime(tag, tagHex(*m_key, wire::signedInput(m_partnerId, counter, text))))
        return false;
    // A replay: seen already, or too old to tell.
    if (counter == 0 || (counter <= m_highest && (m_highest - counter >= Window || (m_seenBelow >> (m_highest - counter)) & 1)))
        return false;
    if (counter > m_highest)
    {
        const std::uint64_t shift = counter - m_highest;
        m_seenBelow = shift >= Window ? 0 : m_seenBelow << shift;
        m_highest = counter;
    }
    m_seenBelow |= std::uint64_t{1} << (m_highest - counter);
    m_confirmed = true;
    return true;
}

bool SignedPair::roomTagHolds(std::string_view sender, std::string_view helloText, const wire::Hello& hello) const
{
    if (m_roomPassword.empty())
        return true;
    const auto at = helloText.rfind(RoomField);
    if (at == std::string_view::npos || hello.roomTag.empty())
        return false;
    const std::string expected = tagHex(roomKey(m_roomPassword), wire::signedInput(sender, 0, helloText.substr(0, at)));
    return sameInConstantTime(hello.roomTag, expected);
}

} // namespace mqtt::detail
