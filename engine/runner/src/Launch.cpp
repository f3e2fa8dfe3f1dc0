#include "Launch.hpp"

#include <mqttgames/engine/Replay.hpp>

#include <random>

#include <mqttgames/engine/PlayScene.hpp>

namespace runner
{

namespace
{
// A computer opponent gets a room of its own, so no stranger in the chosen room pairs with it.
std::string privateRoom(const std::string& room)
{
    static constexpr char Digits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
    std::mt19937 random(std::random_device{}());
    std::string suffix;
    for (int i = 0; i < 8; ++i)
        suffix += Digits[std::uniform_int_distribution<int>(0, 35)(random)];
    return room + "-computer-" + suffix;
}
} // namespace

Seats makeSeats(const Choice& choice, mqtt::EventQueue queue)
{
    const auto pace = std::chrono::milliseconds(choice.window ? 550 : 0);
    engine::MatchSettings player;
    static_cast<engine::ConnectionSettings&>(player) = choice;
    player.room = choice.vsComputer ? privateRoom(choice.room) : choice.room;
    player.name = choice.name.empty() ? "Player" : choice.name;
    player.botLevel = choice.bot;
    player.botPace = pace;
    player.games = choice.games;
    player.publishFeed = !choice.vsComputer; // the computer's room is private: nobody to watch
    player.privateRoom = choice.privateRoom || choice.vsComputer; // nor to list in the lobby
    if (choice.record)
        player.recordTo = engine::newReplayFile(engine::replayFolder(), choice.game->info().id, choice.room);
    if (choice.bot)
        player.rematch = engine::MatchSettings::Rematch::Always;

    Seats seats;
    seats.player = std::make_unique<engine::Match>(*choice.game, queue, player);
    if (choice.vsComputer)
    {
        engine::MatchSettings computer = player;
        const auto& levels = choice.game->info().botLevels;
        computer.name = "Computer (" + levels.at(static_cast<std::size_t>(*choice.vsComputer)) + ")";
        computer.botLevel = choice.vsComputer;
        computer.rematch = choice.bot ? engine::MatchSettings::Rematch::Always : engine::MatchSettings::Rematch::WhenAsked;
        computer.verbose = false;
        computer.recordTo.clear(); // one recording of the match: two writers would mangle one file
        seats.computer = std::make_unique<engine::Match>(*choice.game, queue, computer);
    }
    return seats;
}

void pushPlayScene(engine::SceneStack& stack, const Choice& choice, std::function<void()> onLeave)
{
    Seats seats = makeSeats(choice, stack.context().queue);
    engine::PlayScene::Options options;
    options.onLeave = std::move(onLeave);
    options.whereText = choice.vsComputer ? "starting the computer on " + choice.host + ":" + std::to_string(choice.port)
                                          : "room \"" + choice.room + "\" on " + choice.host + ":" + std::to_string(choice.port);
    seats.player->connect();
    if (seats.computer)
    {
        seats.computer->connect();
        options.companions.push_back(std::move(seats.computer));
    }
    stack.push(std::make_unique<engine::PlayScene>(stack, *choice.game, std::move(seats.player), std::move(options)));
}

} // namespace runner
