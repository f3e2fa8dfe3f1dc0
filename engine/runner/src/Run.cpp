#include <mqttgames/engine/Runner.hpp>

#include <functional>
#include <iostream>

#include <mqttgames/engine/App.hpp>
#include <mqttgames/engine/Display.hpp>
#include <mqttgames/engine/Headless.hpp>

#include "Broker.hpp"
#include "GameRegistry.hpp"
#include "Launch.hpp"
#include "MenuScene.hpp"
#include "Options.hpp"
#include "RoomList.hpp"
#include "Screenshot.hpp"
#include "SignalWatcher.hpp"
#include "Viewing.hpp"

namespace engine
{

namespace
{

std::optional<int> levelOption(const engine::Game& game, const std::string& text, const char* option)
{
    if (text.empty())
        return std::nullopt;
    if (const auto level = engine::findBotLevel(game.info(), text))
        return level;
    std::string levels;
    for (const auto& level : game.info().botLevels)
        levels += (levels.empty() ? "" : ", ") + level;
    throw std::runtime_error(std::string(option) + ": unknown level \"" + text + "\" (" + levels + ")");
}

int run(int argc, char** argv, const runner::GameRegistry& registry, const std::string& program, bool oneGame)
{
    runner::Options options;
    if (const auto status = runner::parseOptions(argc, argv, registry, options))
        return *status;
    if (options.list)
    {
        for (const auto& game : registry.games())
            std::cout << game->info().id << "\t" << game->info().title << '\n';
        return 0;
    }

    if (options.game == "replay")
        return runner::runReplay(registry, options, program,
                                 !options.headless && options.screenshot.empty() && engine::displayAvailable());

    if (oneGame && options.game.empty())
        options.game = registry.games().front()->info().id;
    runner::Choice choice;
    static_cast<engine::ConnectionSettings&>(choice) = options.connection;
    choice.game = options.game.empty() ? registry.games().front() : registry.find(options.game);
    choice.bot = levelOption(*choice.game, options.bot, "--bot");
    choice.vsComputer = levelOption(*choice.game, options.vsComputer, "--vs-computer");
    // No opponent named: the computer, in a room of its own on whatever broker answers.
    const bool computerByDefault = runner::computerByDefault(options);
    if (computerByDefault)
        choice.vsComputer = static_cast<int>(choice.game->info().botLevels.size() / 2);
    choice.games = options.games;
    choice.record = !options.noRecord;
    if (options.listRooms || (!options.screenshot.empty() && options.scene == "lobby"))
    {
        // The lobby of a broker where people meet: never a private one of our own.
        choice.host = options.host.value_or("localhost");
        choice.port = options.port.value_or(choice.tls.enabled() ? 8883 : 1883);
        return options.listRooms ? runner::printRooms(choice, std::cout, std::cerr)
                                 : runner::renderLobbyScreenshot(choice, options.screenshot);
    }
    if (!options.screenshot.empty() && !options.watch)
        return runner::renderScreenshot(registry, choice, options.scene, options.moves, options.screenshot);

    const bool window = !options.headless && engine::displayAvailable();
    if (!options.headless && !window)
        std::cerr << "no display (DISPLAY is unset or does not answer): playing in the terminal\n";

    // Ctrl-C and kill end the run through the main loop, so every destructor runs.
    mqtt::EventQueue queue;
    bool stopRequested = false;
    std::function<void()> quitWindow; // set once the window exists; both are touched on the main thread only
    const runner::SignalWatcher signals([queue, &stopRequested, &quitWindow]
    {
        queue.push([&stopRequested, &quitWindow]
        {
            stopRequested = true;
            if (quitWindow)
                quitWindow();
        });
    });
    if (options.watch)
    {
        // A spectator watches a broker where a match is on: never a private one of its own.
        choice.host = options.host.value_or("localhost");
        choice.port = options.port.value_or(choice.tls.enabled() ? 8883 : 1883);
        return runner::runWatch(choice, options, program, window || !options.screenshot.empty(), queue, &stopRequested,
                                quitWindow);
    }
    runner::Broker broker =
        runner::chooseBroker(options.host, options.port, std::cerr, !choice.username.empty(), choice.tls.enabled());
    choice.host = broker.host;
    choice.port = broker.port;
    choice.window = window;

    if (!window)
    {
        if (computerByDefault)
            std::cerr << "playing against the computer (" << choice.game->info().botLevels[*choice.vsComputer]
                      << "); name a room (--room R) to play a person there\n";
        runner::Seats seats = runner::makeSeats(choice, queue);
        engine::HeadlessSettings settings;
        settings.games = options.games;
        settings.stopRequested = &stopRequested;
        if (seats.computer)
            settings.companions.push_back(seats.computer.get());
        return engine::runHeadless(*seats.player, std::cout, settings);
    }

    engine::App app({program}, queue);
    quitWindow = app.context().quit;
    const std::string note = "Broker: " + broker.describe() + (broker.isPrivate() ? " (only this computer)" : "") +
                             (choice.tls.enabled() ? ", TLS" : "") + (choice.username.empty() ? "" : ", as " + choice.username);
    engine::SceneStack& stack = app.scenes();
    stack.push(std::make_unique<runner::MenuScene>(stack, registry, choice, note));
    if (!options.game.empty())
        runner::pushPlayScene(stack, choice, nullptr);
    app.run();
    return stopRequested ? 130 : 0;
}

} // namespace

int runGames(int argc, char** argv, const std::vector<const GameWithView*>& games, const std::string& program)
{
    try
    {
        const runner::GameRegistry registry(games);
        return run(argc, argv, registry, program, games.size() == 1);
    }
    catch (const std::exception& error)
    {
        std::cerr << program << ": " << error.what() << '\n';
        return 1;
    }
}

int runGame(int argc, char** argv, const GameWithView& game)
{
    return runGames(argc, argv, {&game}, game.info().id);
}

} // namespace engine
