#include <mqttgames/battleship/Round.hpp>

#include <algorithm>
#include <cctype>
#include <deque>
#include <random>
#include <sstream>
#include <utility>

#include <mqttgames/battleship/Bot.hpp>

// Positions for screenshots and tests: both sides played here, wired to each other by their
// replies, so that every shot goes through the protocol.

namespace battleship
{

bool Round::load(std::string_view position, std::string& error)
{
    std::istringstream words{std::string(position)};
    std::string word;
    if (!(words >> word) || (word == "new" && !(words >> word)))
    {
        *this = Round(m_localStarts);
        return true;
    }
    const bool digits = word.size() <= 18 && std::ranges::all_of(word, [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
    if (!digits)
    {
        error = "a position starts with a whole number to seed the fleets, not \"" + word + "\"";
        return false;
    }
    const std::uint64_t seed = std::stoull(word);

    // Both sides are played here, wired to each other, so every shot goes through the protocol.
    struct Letter
    {
        bool toLocal;
        engine::Message message;
    };
    std::deque<Letter> post;
    Round local(m_localStarts);
    Round remote(!m_localStarts);
    const auto mail = [&post](bool toLocal, std::vector<engine::Message> messages)
    {
        for (auto& message : messages)
            post.push_back({toLocal, std::move(message)});
    };
    const auto deliver = [&]
    {
        for (; !post.empty(); post.pop_front())
        {
            Letter& letter = post.front();
            engine::Reply reply = (letter.toLocal ? local : remote).receive(letter.message.type, letter.message.body);
            if (!reply.accepted)
                return reply.reason;
            mail(!letter.toLocal, std::move(reply.send));
        }
        return std::string();
    };

    std::mt19937_64 random(seed);
    const Fleet ours = Fleet::random(random);
    const Fleet theirs = Fleet::random(random);
    if (!local.place(ours, error) || !remote.place(theirs, error))
        return false;
    mail(false, std::exchange(local.m_outgoing, {}));
    mail(true, std::exchange(remote.m_outgoing, {}));
    if (error = deliver(); !error.empty())
        return false;

    const auto fire = [&](const std::string& cell) -> bool
    {
        Round& shooter = local.localShoots() ? local : remote;
        if (local.stage() != Stage::Shooting)
        {
            error = "the game is over before the shot " + cell;
            return false;
        }
        engine::Reply reply = shooter.act(cell);
        if (!reply.accepted)
        {
            error = "shot " + cell + ": " + reply.reason;
            return false;
        }
        mail(&shooter == &remote, std::move(reply.send));
        error = deliver();
        return error.empty();
    };
    while (words >> word)
    {
        if (word != "auto")
        {
            if (!fire(word))
                return false;
            continue;
        }
        std::string count;
        words >> count;
        int shots = 0;
        if (count == "end")
            shots = 2 * SeaCells;
        else if (count.empty() || count.size() > 3 || !std::ranges::all_of(count, [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }))
        {
            error = "\"auto\" takes a number of shots or \"end\", not \"" + count + "\"";
            return false;
        }
        else
            shots = std::stoi(count);
        for (int shot = 0; shot < shots && local.stage() == Stage::Shooting; ++shot)
        {
            const Round& shooter = local.localShoots() ? local : remote;
            const auto cell = chooseShot(Level::Medium, shooter.targetSea(), random);
            if (!cell || !fire(toString(*cell)))
                return false;
        }
    }
    local.m_lastEvent.clear();
    *this = std::move(local);
    return true;
}

} // namespace battleship
