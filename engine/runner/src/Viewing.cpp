#include "Viewing.hpp"

#include "Screenshot.hpp"

#include <fstream>
#include <iostream>

#include <mqttgames/engine/App.hpp>
#include <mqttgames/engine/Display.hpp>
#include <mqttgames/engine/Loop.hpp>
#include <mqttgames/engine/Replay.hpp>
#include <mqttgames/engine/Screenshot.hpp>
#include <mqttgames/engine/Spectator.hpp>
#include <mqttgames/engine/ViewerScene.hpp>
#include <mqttgames/engine/WatchText.hpp>
#include <mqttgames/mqtt/SafeText.hpp>

namespace runner
{

int runReplay(const GameRegistry& registry, const Options& options, const std::string& program, bool window)
{
    const std::string& file = options.replayFile;
    std::ifstream in(file);
    if (!in)
    {
        std::cerr << "replay: cannot read " << file << '\n';
        return 1;
    }
    std::string error;
    auto replay = engine::readReplay(in, error);
    if (!replay)
    {
        std::cerr << file << ": " << error << '\n';
        return 1;
    }
    const std::string& id = replay->front().snapshot.game;
    const engine::GameWithView* game = registry.find(id);
    if (!game)
    {
        std::cerr << file << ": line " << replay->front().line << ": a match of \""
                  << mqtt::text::shortened(mqtt::text::printable(id), 40) << "\", a game this program does not have\n";
        return 1;
    }
    if (!engine::checkReplay(*game, *replay, error))
    {
        std::cerr << file << ": " << error << '\n';
        return 1;
    }
    const std::string name = std::filesystem::path(file).filename().string();
    if (!options.screenshot.empty())
    {
        if (!canDraw())
            return 1;
        OffscreenStage stage;
        stage.stack.push(std::make_unique<engine::ViewerScene>(stage.stack, *game, std::move(*replay), name));
        return stage.save(options.screenshot);
    }
    if (!window)
    {
        engine::printReplay(*game, *replay, std::cout);
        return 0;
    }
    mqtt::EventQueue queue;
    engine::App app({program + ": " + name}, queue);
    app.scenes().push(std::make_unique<engine::ViewerScene>(app.scenes(), *game, std::move(*replay), name));
    app.run();
    return 0;
}

int runWatch(const Choice& choice, const Options& options, const std::string& program, bool window,
             mqtt::EventQueue queue, const bool* stopRequested, std::function<void()>& quitWindow)
{
    auto spectator = std::make_unique<engine::Spectator>(*choice.game, queue, choice);
    if (options.record)
    {
        const auto file = engine::newReplayFile(engine::replayFolder(), choice.game->info().id, choice.room);
        spectator->record(std::make_unique<engine::Recorder>(file));
        std::cerr << "recording to " << file.string() << '\n';
    }
    if (!window && options.screenshot.empty())
    {
        engine::WatchSettings settings;
        settings.games = options.games;
        settings.stopRequested = stopRequested;
        return engine::watchInTerminal(*spectator, std::cout, settings);
    }
    if (!spectator->start())
    {
        std::cerr << spectator->problem() << '\n';
        return 1;
    }
    if (!options.screenshot.empty())
    {
        if (!canDraw())
            return 1;
        // What the feed holds now: the retained snapshot comes at once if a match is on.
        engine::Loop loop(queue);
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        while (!spectator->snapshot() && std::chrono::steady_clock::now() < deadline)
            loop.step(std::chrono::milliseconds(50), deadline);
        OffscreenStage stage(queue);
        stage.stack.push(std::make_unique<engine::ViewerScene>(stage.stack, *choice.game, std::move(spectator)));
        stage.stack.applyPendingChanges();
        stage.stack.update(sf::Time::Zero);
        return stage.save(options.screenshot);
    }
    engine::App app({program + ": watching " + choice.room}, queue);
    quitWindow = app.context().quit;
    app.scenes().push(std::make_unique<engine::ViewerScene>(app.scenes(), *choice.game, std::move(spectator)));
    app.run();
    quitWindow = nullptr;
    return *stopRequested ? 130 : 0;
}

} // namespace runner
