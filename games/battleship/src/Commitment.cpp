#include <mqttgames/battleship/Commitment.hpp>

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <array>
#include <stdexcept>

namespace battleship
{

namespace
{

std::string toHex(const unsigned char* bytes, std::size_t size)
{
    constexpr char Digits[] = "0123456789abcdef";
    std::string text;
    text.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i)
    {
        text += Digits[bytes[i] >> 4];
        text += Digits[bytes[i] & 0x0f];
    }
    return text;
}

} // namespace

std::string commitmentOf(const Fleet& fleet, const std::string& salt)
{
    const std::string message = salt + ":" + fleet.toText();
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int size = 0;
    if (EVP_Digest(message.data(), message.size(), digest.data(), &size, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error("SHA-256 failed");
    return toHex(digest.data(), size);
}

std::string randomSalt()
{
    std::array<unsigned char, 16> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        throw std::runtime_error("no cryptographic random bytes for the salt");
    return toHex(bytes.data(), bytes.size());
}

} // namespace battleship
