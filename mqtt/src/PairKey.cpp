#include "PairKey.hpp"

#include <algorithm>
#include <cerrno>
#include <stdexcept>
#include <vector>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/sha.h>

#include <sys/random.h>

namespace mqtt::detail
{

namespace
{

std::string hexOf(const unsigned char* data, std::size_t size)
{
    static constexpr char Digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(2 * size);
    for (std::size_t i = 0; i < size; ++i)
    {
        hex += Digits[data[i] >> 4];
        hex += Digits[data[i] & 0x0f];
    }
    return hex;
}

std::optional<Secret> bytesOf(std::string_view hex)
{
    const auto digit = [](char c) -> int
    { return c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1; };
    Secret bytes{};
    if (hex.size() != 2 * bytes.size())
        return std::nullopt;
    for (std::size_t i = 0; i < bytes.size(); ++i)
    {
        const int high = digit(hex[2 * i]);
        const int low = digit(hex[2 * i + 1]);
        if (high < 0 || low < 0)
            return std::nullopt;
        bytes[i] = static_cast<unsigned char>(high << 4 | low);
    }
    return bytes;
}

// Random bytes from the kernel (getrandom(2)). Throws std::runtime_error if it fails.
void fillRandom(unsigned char* data, std::size_t size)
{
    while (size > 0)
    {
        const ssize_t got = ::getrandom(data, size, 0);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            throw std::runtime_error("the system's random source failed");
        data += got;
        size -= static_cast<std::size_t>(got);
    }
}

struct PkeyFree
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};
struct PkeyContextFree
{
    void operator()(EVP_PKEY_CTX* context) const { EVP_PKEY_CTX_free(context); }
};
using Pkey = std::unique_ptr<EVP_PKEY, PkeyFree>;
using PkeyContext = std::unique_ptr<EVP_PKEY_CTX, PkeyContextFree>;

} // namespace

struct KeyPair::Key
{
    Pkey pkey;
};

KeyPair::KeyPair() : m_key(std::make_unique<Key>())
{
    // The private key is 32 random bytes (X25519 clamps them itself), taken from the kernel: OpenSSL's
    // own generator would keep state for the calling thread (the network thread), which lives on
    // past what a program cleans up when it ends.
    Secret priv{};
    fillRandom(priv.data(), priv.size());
    m_key->pkey.reset(EVP_PKEY_new_raw_private_key(EVP_PKEY_X25519, nullptr, priv.data(), priv.size()));
    OPENSSL_cleanse(priv.data(), priv.size());
    if (!m_key->pkey)
        throw std::runtime_error("cannot make an X25519 key pair");
    EVP_PKEY* generated = m_key->pkey.get();
    Secret raw{};
    std::size_t size = raw.size();
    if (EVP_PKEY_get_raw_public_key(generated, raw.data(), &size) != 1 || size != raw.size())
        throw std::runtime_error("cannot read an X25519 public key");
    m_publicHex = hexOf(raw.data(), raw.size());
}

KeyPair::~KeyPair() = default;
KeyPair::KeyPair(KeyPair&&) noexcept = default;
KeyPair& KeyPair::operator=(KeyPair&&) noexcept = default;

std::optional<Secret> KeyPair::agree(std::string_view partnerPublicHex) const
{
    const auto raw = bytesOf(partnerPublicHex);
    if (!raw)
        return std::nullopt;
    const Pkey partner(EVP_PKEY_new_raw_public_key(EVP_PKEY_X25519, nullptr, raw->data(), raw->size()));
    const PkeyContext context(EVP_PKEY_CTX_new(m_key->pkey.get(), nullptr));
    Secret shared{};
    std::size_t size = shared.size();
    // OpenSSL refuses a peer key of low order (an all-zero secret): nothing is agreed then.
    if (!partner || !context || EVP_PKEY_derive_init(context.get()) != 1 ||
        EVP_PKEY_derive_set_peer(context.get(), partner.get()) != 1 || EVP_PKEY_derive(context.get(), shared.data(), &size) != 1 ||
        size != shared.size())
        return std::nullopt;
    return shared;
}

Secret pairKey(const Secret& shared, std::string_view idA, std::string_view idB, std::string_view roomPassword)
{
    const auto [first, second] = std::minmax(idA, idB);
    const std::string context = "mqttgames pair\n" + std::string(first) + "\n" + std::string(second) + "\n" + std::string(roomPassword);
    Secret key{};
    unsigned int size = key.size();
    HMAC(EVP_sha256(), shared.data(), static_cast<int>(shared.size()), reinterpret_cast<const unsigned char*>(context.data()),
         context.size(), key.data(), &size);
    return key;
}

Secret roomKey(std::string_view password)
{
    const std::string context = "mqttgames room\n" + std::string(password);
    Secret key{};
    SHA256(reinterpret_cast<const unsigned char*>(context.data()), context.size(), key.data());
    return key;
}

std::string tagHex(const Secret& key, std::string_view text, std::size_t bytes)
{
    unsigned char tag[EVP_MAX_MD_SIZE];
    unsigned int size = 0;
    HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()), reinterpret_cast<const unsigned char*>(text.data()), text.size(), tag,
         &size);
    return hexOf(tag, std::min<std::size_t>(bytes, size));
}

std::string sha256Hex(std::string_view text)
{
    unsigned char digest[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(text.data()), text.size(), digest);
    return hexOf(digest, sizeof digest);
}

std::string randomHex(std::size_t bytes)
{
    std::vector<unsigned char> random(bytes);
    fillRandom(random.data(), random.size());
    return hexOf(random.data(), random.size());
}

bool sameInConstantTime(std::string_view a, std::string_view b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), a.size()) == 0;
}

} // namespace mqtt::detail
