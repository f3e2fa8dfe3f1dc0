#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

// The cryptography of a signed pair (OpenSSL): an X25519 key agreement at pairing, an HMAC-SHA256
// on every message after it, and the hash that makes a will verifiable. Text forms are lowercase hex.

namespace mqtt::detail
{

/// 32 bytes: an X25519 shared secret, or the pair's message key derived from it.
using Secret = std::array<unsigned char, 32>;

/// This client's X25519 key pair for one session; the private half never leaves it.
class KeyPair
{
public:
    /// A fresh pair from the system's random source. Throws std::runtime_error if OpenSSL fails.
    KeyPair();
    ~KeyPair();
    KeyPair(KeyPair&&) noexcept;
    KeyPair& operator=(KeyPair&&) noexcept;

    /// The public half, 64 hex digits, as the hello carries it.
    const std::string& publicHex() const { return m_publicHex; }
    /// The secret shared with the holder of `partnerPublicHex`; nothing for a malformed or
    /// degenerate key (X25519's all-zero result).
    std::optional<Secret> agree(std::string_view partnerPublicHex) const;

private:
    struct Key;
    std::unique_ptr<Key> m_key;
    std::string m_publicHex;
};

/// The pair's message key: HMAC-SHA256 keyed by the shared secret over both ids (in sorted order)
/// and the room password, so that both sides derive the same key and a pair of other ids does not.
Secret pairKey(const Secret& shared, std::string_view idA, std::string_view idB, std::string_view roomPassword);

/// The key of a room password: what a hello's room tag ("p=") is made with, so that only players
/// who know the password pair.
Secret roomKey(std::string_view password);

/// The first `bytes` bytes of HMAC-SHA256(key, text), in hex.
std::string tagHex(const Secret& key, std::string_view text, std::size_t bytes = 16);

/// SHA-256 of `text`, in hex.
std::string sha256Hex(std::string_view text);

/// `bytes` bytes from the system's random source, in hex. Throws std::runtime_error if it fails.
std::string randomHex(std::size_t bytes);

/// Compares two texts in a time that does not depend on where they differ (for tags).
bool sameInConstantTime(std::string_view a, std::string_view b);

} // namespace mqtt::detail
