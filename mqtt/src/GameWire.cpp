#include <mqttgames/mqtt/GameWire.hpp>

#include <mqttgames/mqtt/SafeText.hpp>

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
        if (fields[i] == "back")
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
