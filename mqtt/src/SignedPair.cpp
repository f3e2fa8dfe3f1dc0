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
    if (!m_partner.pairKey)
        return std::nullopt;
    return tagHex(*m_partner.pairKey, wire::signedInput(m_ourId, ++m_sent, text));
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
        m_partner = Partner{};
        m_partner.id = partnerId;
        return Pairing::Unsigned;
    }
    const auto shared = m_keys.agree(hello.key);
    if (!shared)
        return Pairing::Refused;
    const Partner before = m_partner;
    if (partnerId != m_partner.id || hello.key != m_partner.key)
    {
        m_partner = Partner{};
        m_partner.id = partnerId;
        m_partner.key = hello.key;
    }
    m_partner.pairKey = pairKey(*shared, m_ourId, partnerId, m_roomPassword);
    m_partner.willHash = hello.willHash;
    m_partner.confirmed = false;
    // An answer is tagged already: it must hold, or it is not the holder of that key speaking.
    if (const auto tag = wire::helloTag(helloText); tag && !verify(tag->counter, tag->tag, tag->text))
    {
        m_partner = before;
        return Pairing::Refused;
    }
    return Pairing::Signed;
}

void SignedPair::unpair()
{
    m_partner.pairKey.reset();
    m_partner.willHash.clear();
    m_partner.confirmed = false;
}

SignedPair::Check SignedPair::checkHello(std::string_view helloText, const wire::Hello& hello)
{
    if (!m_partner.pairKey)
        return Check::Unchecked;
    const auto tag = wire::helloTag(helloText);
    // Before the partner signed anything for us, its hellos may still be those it sent before it had
    // our answer (untagged), or answers to another player it paired with instead of us (tagged
    // with their key).
    const Check unproven = m_partner.confirmed ? Check::Refused : Check::Unchecked;
    if (!tag || hello.key != m_partner.key || !verify(tag->counter, tag->tag, tag->text))
        return unproven;
    if (!hello.willHash.empty())
        m_partner.willHash = hello.willHash; // the partner's new will, after it lost its connection
    return Check::Verified;
}

std::optional<std::string> SignedPair::open(std::string_view text)
{
    if (!m_partner.pairKey)
        return std::string(text);
    // The goodbye of a partner that left before it had our answer: it never paired with us.
    if (!m_partner.confirmed && text == wire::DisconnectText)
        return std::string(text);
    auto message = wire::parseSigned(text);
    if (!message || !verify(message->counter, message->tag, message->text))
        return std::nullopt;
    return std::move(message->text);
}

bool SignedPair::isPartnersWill(std::string_view secret) const
{
    if (!m_partner.pairKey || m_partner.willHash.empty())
        return true;
    return !secret.empty() && sameInConstantTime(sha256Hex(secret), m_partner.willHash);
}

bool SignedPair::verify(std::uint64_t counter, std::string_view tag, std::string_view text)
{
    Partner& p = m_partner;
    if (!sameInConstantTime(tag, tagHex(*p.pairKey, wire::signedInput(p.id, counter, text))))
        return false;
    // A replay: seen already, or too old to tell.
    if (counter == 0 || (counter <= p.highest && (p.highest - counter >= Window || (p.seenBelow >> (p.highest - counter)) & 1)))
        return false;
    if (counter > p.highest)
    {
        const std::uint64_t shift = counter - p.highest;
        p.seenBelow = shift >= Window ? 0 : p.seenBelow << shift;
        p.highest = counter;
    }
    p.seenBelow |= std::uint64_t{1} << (p.highest - counter);
    p.confirmed = true;
    return true;
}

bool SignedPair::roomTagHolds(std::string_view sender, std::string_view helloText, const wire::Hello& hello) const
{
    if (m_roomPassword.empty())
        return hello.roomTag.empty(); // its sender pairs only with those who know a password
    const auto at = helloText.rfind(RoomField);
    if (at == std::string_view::npos || hello.roomTag.empty())
        return false;
    const std::string expected = tagHex(roomKey(m_roomPassword), wire::signedInput(sender, 0, helloText.substr(0, at)));
    return sameInConstantTime(hello.roomTag, expected);
}

} // namespace mqtt::detail
