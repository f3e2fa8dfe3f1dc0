#pragma once

#include <mqttgames/mqtt/GameWire.hpp>

#include "PairKey.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

// What makes a pair of mqttgames clients trust each other's messages, for one session of ours: our
// X25519 key and will secret, the key agreed with the partner at pairing, and the counters that
// stop replays. A partner without a key (the seed's clients) pairs unsigned. Not thread-safe: the
// GameClient guards it with its mutex.

namespace mqtt::detail
{

class SignedPair
{
public:
    /// `roomPassword` may be empty. When set, only hellos tagged with it ("p=") pair; without it,
    /// only hellos without such a tag do.
    SignedPair(std::string ourId, std::string roomPassword);

    // --- our side ---------------------------------------------------------------------------------

    /// Our hello made complete: our key, the hash of our will's secret (when `willIsVerifiable`: the
    /// will carries the secret over MQTT 5 only), the room tag if there is a password, and the pair's
    /// tag if we are in a signed pair.
    std::string hello(wire::Hello fields, bool willIsVerifiable);
    /// The secret our will carries, which only we know until it is published.
    const std::string& willSecret() const { return m_willSecret; }
    /// A new will secret: the old one may have been published while our connection was away.
    void renewWillSecret();
    /// What we send to the partner: signed in a signed pair, `text` itself otherwise.
    std::string seal(std::string_view text);

    // --- the partner ------------------------------------------------------------------------------

    enum class Pairing
    {
        Signed,   ///< the partner has a key: every message from now on is signed
        Unsigned, ///< a client of the seed's protocol (no key): its messages are taken as they come
        Refused,  ///< a malformed key, a tag that does not verify, or a missing or wrong room tag
    };
    /// Pairs with the sender of `helloText` (a hello, parsed as `hello`).
    Pairing pair(const std::string& partnerId, std::string_view helloText, const wire::Hello& hello);
    /// Forgets the partner (it left, or was taken).
    void unpair();
    /// Whether we are paired with a partner that signs.
    bool isSigned() const { return m_partner.pairKey.has_value(); }

    enum class Check
    {
        Verified,  ///< signed by the partner, and new
        Unchecked, ///< the pair is unsigned, or a hello that does not hold before the partner signed anything
        Refused,   ///< not signed by the partner, or a replay
    };
    /// A hello from the partner's id. A verified one updates the partner's will hash.
    Check checkHello(std::string_view helloText, const wire::Hello& hello);
    /// A message from the partner's id: its text, or nothing when it must be refused.
    std::optional<std::string> open(std::string_view text);
    /// Whether an unsigned "DISCONNECT" with this will secret (empty when the message carried none)
    /// is the partner's will. A partner whose hello had no will hash (MQTT 3.1.1) cannot be checked:
    /// its will is believed.
    bool isPartnersWill(std::string_view secret) const;

private:
    // The tag of what we send next, under a new counter; nothing in an unsigned pair.
    std::optional<std::string> tagged(std::string_view text);
    bool verify(std::uint64_t counter, std::string_view tag, std::string_view text);
    bool roomTagHolds(std::string_view sender, std::string_view helloText, const wire::Hello& hello) const;

    const std::string m_ourId;
    const std::string m_roomPassword;
    const KeyPair m_keys;
    std::string m_willSecret;
    std::uint64_t m_sent = 0; // our counter: it only rises, over every pairing of this session

    // The partner, or the last one after unpair(): its counters stay, so that pairing again with the
    // same partner (the same key) keeps its earlier messages replays.
    struct Partner
    {
        std::string id;
        std::string key;                // as its hello carried it
        std::optional<Secret> pairKey;  // the pair's message key; none in an unsigned pair, or unpaired
        std::string willHash;
        bool confirmed = false; // it signed something with our pair key
        // Its counters seen: the highest, and which of the 64 below it (MQTT keeps one sender's
        // order, but a client's hellos and messages leave from two threads, so they may cross).
        std::uint64_t highest = 0;
        std::uint64_t seenBelow = 0;
    };
    Partner m_partner;
};

} // namespace mqtt::detail
