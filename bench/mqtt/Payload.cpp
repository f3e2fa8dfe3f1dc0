#include "Payload.hpp"

#include <charconv>

namespace bench
{
namespace
{

constexpr std::string_view Prefix = "{\"n\":";

} // namespace

std::string makePayload(std::uint64_t number, std::size_t bytes)
{
    std::string payload = std::string(Prefix) + std::to_string(number) + ",\"move\":\"";
    const std::size_t closing = 2;
    if (payload.size() + closing < bytes)
        payload.append(bytes - payload.size() - closing, 'x');
    payload += "\"}";
    return payload;
}

std::optional<std::uint64_t> payloadNumber(const std::string& payload)
{
    if (payload.compare(0, Prefix.size(), Prefix) != 0)
        return std::nullopt;
    std::uint64_t number = 0;
    const char* begin = payload.data() + Prefix.size();
    const auto [end, error] = std::from_chars(begin, payload.data() + payload.size(), number);
    if (error != std::errc() || end == begin)
        return std::nullopt;
    return number;
}

} // namespace bench
