#pragma once

#include <cstdint>
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

/// The announcement of a player: "_ENTERED,NAME,ADDRESS", followed by optional fields that clients
/// which do not know them ignore: "back" from a player who lost its connection and wants its partner
/// back, and "to=ID" when the hello is meant for one client only (an answer that completes a pairing,
/// or a return): everybody else must not pair with its sender, who is taken.
struct Hello
{
    std::string name;
    std::string address;
    bool back = false;
    /// The id this hello is meant for; empty when it is for anyone waiting.
    std::string to;
    /// Signed pairs (fields the seed's clients ignore): "k=" the sender's X25519 public key, "w=" the
    /// SHA-256 of the secret its will will carry. A hello sent while paired ends in a tag, "m=" (see
    /// withTag and helloTag).
    std::string key;
    std::string willHash;
    /// "p=": a tag made with the room password over the hello before it, when the sender has one.
    std::string roomTag;
    /// "t=": the terms the sender plays by (a time control), when it has any: only players with the
    /// same terms pair. No commas.
    std::string terms;
};

/// The tag at the end of a hello: what it covers (the text before ",m="), its counter and the tag.
struct HelloTag
{
    std::string_view text;
    std::uint64_t counter = 0;
    std::string_view tag;
};

/// A message of a signed pair: "#COUNTER,TAG,TEXT". The counter rises with every message a side
/// sends; the tag is over the sender's id, the counter and the text (see signedInput).
struct Signed
{
    std::uint64_t counter = 0;
    std::string tag;
    std::string text;
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
/// "_ENTERED,NAME,ADDRESS[,back][,to=ID]"; ',' and '@' in the name become '_' so the partner parses
/// it back.
std::string makeHello(std::string_view name, std::string_view address, bool back = false, std::string_view to = {});
/// The name as it will be announced and as a partner's is shown: text::cleanName (',' and '@'
/// replaced, valid UTF-8, no control or bidi characters, at most 32 characters).
std::string sanitizeName(std::string_view name);
/// The hello with every field it has (the name cleaned), without "m=".
std::string makeHello(const Hello& hello);
/// `hello` (the text makeHello gave) with its tag appended: ",m=COUNTER.TAG".
std::string withTag(std::string_view hello, std::uint64_t counter, std::string_view tag);
/// The tag at the end of `hello`; nothing when it has none or it does not read.
std::optional<HelloTag> helloTag(std::string_view hello);

/// "#COUNTER,TAG,TEXT".
std::string makeSigned(const Signed& message);
/// A signed message's parts; nothing for a text of another form.
std::optional<Signed> parseSigned(std::string_view text);
/// What a tag covers: the sender's id, the counter and the text, each on a line of its own.
std::string signedInput(std::string_view sender, std::uint64_t counter, std::string_view text);

/// A random client id: IdLength characters from [a-z0-9].
std::string randomId();

} // namespace mqtt::wire
