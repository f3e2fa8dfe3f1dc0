// nim: Nim against the computer, through a private MQTT broker on this machine. In a window when
// there is a display, else in the terminal.
//   nim [--headless] [--bot] [--games N] [--level easy|medium|hard]
#include <chrono>
#include <iostream>
#include <memory>
#include <string>

#include <mqttgames/engine/App.hpp>
#include <mqttgames/engine/BotLevel.hpp>
#include <mqttgames/engine/Display.hpp>
#include <mqttgames/engine/Headless.hpp>
#include <mqttgames/engine/PlayScene.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>

#include "Game.hpp"

namespace
{

int play(const nim::Game& game, engine::MatchSettings you, int level, bool headless)
{
    const mqtt::LoopbackBroker broker; // stopped when this returns
    const bool window = !headless && engine::displayAvailable();
    mqtt::EventQueue queue;
    you.host = broker.host();
    you.port = broker.port();
    you.botPace = std::chrono::milliseconds(window ? 550 : 0); // so a watcher can follow
    engine::MatchSettings computer = you;
    computer.name = "Computer (" + game.info().botLevels.at(level) + ")";
    computer.botLevel = level;
    if (!you.botLevel)
        computer.rematch = engine::MatchSettings::Rematch::WhenAsked;
    auto player = std::make_unique<engine::Match>(game, queue, you);
    auto opponent = std::make_unique<engine::Match>(game, queue, computer);

    if (!window)
    {
        engine::HeadlessSettings settings;
        settings.games = you.games; // 0: until "quit"
        settings.companions.push_back(opponent.get());
        return engine::runHeadless(*player, std::cout, settings);
    }
    engine::App app({"Nim"}, queue);
    engine::PlayScene::Options options;
    options.whereText = "starting the computer";
    player->connect();
    opponent->connect();
    options.companions.push_back(std::move(opponent));
    app.scenes().push(std::make_unique<engine::PlayScene>(app.scenes(), game, std::move(player), std::move(options)));
    app.run();
    return 0;
}

} // namespace

int main(int argc, char** argv)
{
    const nim::Game game;
    engine::MatchSettings you;
    you.name = "You";
    int level = static_cast<int>(engine::BotLevel::Medium);
    bool headless = false;
    try
    {
        for (int i = 1; i < argc; ++i)
        {
            const std::string option = argv[i];
            const bool hasValue = i + 1 < argc;
            if (option == "--headless")
                headless = true;
            else if (option == "--bot") // the computer plays your seat too
            {
                you.botLevel = static_cast<int>(engine::BotLevel::Hard);
                you.rematch = engine::MatchSettings::Rematch::Always;
            }
            else if (option == "--games" && hasValue)
                you.games = std::stoi(argv[++i]);
            else if (option == "--level" && hasValue && engine::findBotLevel(game.info(), argv[i + 1]))
                level = *engine::findBotLevel(game.info(), argv[++i]);
            else
            {
                std::cerr << "usage: nim [--headless] [--bot] [--games N] [--level easy|medium|hard]\n";
                return 2;
            }
        }
        return play(game, you, level, headless);
    }
    catch (const std::exception& error)
    {
        std::cerr << "nim: " << error.what() << '\n';
        return 1;
    }
}
