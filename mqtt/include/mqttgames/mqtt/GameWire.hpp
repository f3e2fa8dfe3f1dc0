#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace mqtt::wire
{

/// A payload on a GameClient topic: TEXT@SENDERID. The sender is what follows the LAST '@', so the
/// text itself may contain '@'.
struct Envelope
{
    std::string text;
    std::string sender;
};

/// The announcement of a player: "_ENTERED,NAME,ADDRESS", or "_ENTERED,NAME,ADDRESS,back" from a
/// player who lost its connection and wants its partner back (clients that know no fourth field
/// ignore it).
struct Hello
{
    std::string name;
    std::string address;
    bool back = false;
};

inline constexpr std::string_view DisconnectText = "DISCONNECT";
inline constexpr std::string_view HelloPrefix = "_ENTERED";
inline constexpr std::size_t IdLength = 20;

/// Splits a payload; nullopt when it has no '@' or an empty sender. Never throws on any input.
std::optional<Envelope> parse(std::string_view payload);
/// TEXT@SENDERID.
std::string format(std::string_view text, std::string_view sender);
/// Whether a text is an announcement ("_ENTERED" or "_ENTERED,...").
bool isHello(std::string_view text);
/// The name and address of an announcement; missing parts are empty.
Hello parseHello(std::string_view text);
/// "_ENTERED,NAME,ADDRESS[,back]"; ',' and '@' in the name become '_' so the partner parses it back.
std::string makeHello(std::string_view name, std::string_view address, bool back = false);
/// The name as it will be announced: ',' and '@' replaced, control characters dropped.
std::string sanitizeName(std::string_view name);
/// A random client id: IdLength characters from [a-z0-9].
std::string randomId();

} // namespace mqtt::wire
