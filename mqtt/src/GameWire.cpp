#include <mqttgames/mqtt/GameWire.hpp>

#include <mqttgames/mqtt/SafeText.hpp>

#include <algorithm>
#include <random>
#include <vector>

namespace mqtt::wire
{

std::optional<Envelope> parse(std::string_view payload)
{
    const auto at = payload.rfind('@');
    if (at == std::string_view::npos || at + 1 == payload.size())
        return std::nullopt;
    return Envelope{std::string(payload.substr(0, at)), std::string(payload.substr(at + 1))};
}

std::string format(std::string_view text, std::string_view sender)
{
    std::string payload(text);
    payload += '@';
    payload += sender;
    return payload;
}

bool isHello(std::string_view text)
{
    return text == HelloPrefix || (text.starts_with(HelloPrefix) && text[HelloPrefix.size()] == ',');
}

Hello parseHello(std::string_view text)
{
    Hello hello;
    if (!isHello(text) || text.size() == HelloPrefix.size())
        return hello;
    std::vector<std::string_view> fields;
    std::string_view rest = text.substr(HelloPrefix.size() + 1);
    for (auto comma = rest.find(','); comma != std::string_view::npos; comma = rest.find(','))
    {
        fields.push_back(rest.substr(0, comma));
        rest.remove_prefix(comma + 1);
    }
    fields.push_back(rest);
    hello.name = fields[0];
    if (fields.size() > 1)
        hello.address = fields[1];
    for (std::size_t i = 2; i < fields.size(); ++i)
    {
        if (fields[i].starts_with("k="))
            hello.key = fields[i].substr(2);
        else if (fields[i].starts_with("w="))
            hello.willHash = fields[i].substr(2);
        else if (fields[i].starts_with("p="))
            hello.roomTag = fields[i].substr(2);
        else if (fields[i].starts_with("t="))
            hello.terms = fields[i].substr(2);
        else if (fields[i] == "back")
            hello.back = true;
        else if (fields[i].starts_with("to="))
            hello.to = fields[i].substr(3);
    }
    return hello;
}

std::string sanitizeName(std::string_view name)
{
    return text::cleanName(name);
}

std::string makeHello(std::string_view name, std::string_view address, bool back, std::string_view to)
{
    std::string hello = std::string(HelloPrefix) + "," + sanitizeName(name) + "," + std::string(address);
    if (back)
        hello += ",back";
    if (!to.empty())
        hello += ",to=" + std::string(to);
    return hello;
}

std::string makeHello(const Hello& hello)
{
    std::string text = makeHello(hello.name, hello.address, hello.back, hello.to);
    if (!hello.key.empty())
        text += ",k=" + hello.key;
    if (!hello.willHash.empty())
        text += ",w=" + hello.willHash;
    if (!hello.terms.empty())
        text += ",t=" + hello.terms;
    return text;
}

namespace
{
std::optional<std::uint64_t> counterOf(std::string_view digits)
{
    if (digits.empty() || digits.size() > 19 || !std::ranges::all_of(digits, [](char c) { return c >= '0' && c <= '9'; }))
        return std::nullopt;
    std::uint64_t value = 0;
    for (const char c : digits)
        value = value * 10 + static_cast<std::uint64_t>(c - '0');
    return value;
}
} // namespace

std::string withTag(std::string_view hello, std::uint64_t counter, std::string_view tag)
{
    return std::string(hello) + ",m=" + std::to_string(counter) + "." + std::string(tag);
}

std::optional<HelloTag> helloTag(std::string_view hello)
{
    const auto at = hello.rfind(",m=");
    if (at == std::string_view::npos)
        return std::nullopt;
    const std::string_view field = hello.substr(at + 3);
    const auto dot = field.find('.');
    const auto counter = dot == std::string_view::npos ? std::nullopt : counterOf(field.substr(0, dot));
    if (!counter)
        return std::nullopt;
    return HelloTag{hello.substr(0, at), *counter, field.substr(dot + 1)};
}

std::string makeSigned(const Signed& message)
{
    return "#" + std::to_string(message.counter) + "," + message.tag + "," + message.text;
}

std::optional<Signed> parseSigned(std::string_view text)
{
    if (!text.starts_with('#'))
        return std::nullopt;
    const auto first = text.find(',');
    const auto second = first == std::string_view::npos ? first : text.find(',', first + 1);
    if (second == std::string_view::npos)
        return std::nullopt;
    const auto counter = counterOf(text.substr(1, first - 1));
    if (!counter)
        return std::nullopt;
    return Signed{*counter, std::string(text.substr(first + 1, second - first - 1)), std::string(text.substr(second + 1))};
}

std::string signedInput(std::string_view sender, std::uint64_t counter, std::string_view text)
{
    return std::string(sender) + "\n" + std::to_string(counter) + "\n" + std::string(text);
}

std::string randomId()
{
    static constexpr std::string_view alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
    std::random_device entropy;
    std::mt19937_64 generator((static_cast<std::uint64_t>(entropy()) << 32) ^ entropy());
    std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
    std::string id(IdLength, ' ');
    for (char& c : id)
        c = alphabet[pick(generator)];
    return id;
}

} // namespace mqtt::wire
