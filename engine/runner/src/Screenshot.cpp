#include "Screenshot.hpp"

#include <iostream>

#include <mqttgames/engine/Display.hpp>
#include <mqttgames/engine/PlayScene.hpp>
#include <mqttgames/engine/Screenshot.hpp>

#include "LobbyScene.hpp"
#include "MenuScene.hpp"
#include "RoomList.hpp"

namespace runner
{

OffscreenStage::OffscreenStage(mqtt::EventQueue queue) : context{fonts, theme, std::move(queue)}, stack(context)
{
    engine::loadFonts(fonts);
}

int OffscreenStage::save(const std::string& file)
{
    std::string error;
    if (!engine::saveScreenshot(stack, file, error))
    {
        std::cerr << error << '\n';
        return 1;
    }
    return 0;
}

bool canDraw()
{
    if (engine::displayAvailable())
        return true;
    std::cerr << "--screenshot needs a display for OpenGL (try: xvfb-run -a mqttgames --screenshot ...)\n";
    return false;
}

int renderScreenshot(const GameRegistry& registry, const Choice& choice, const std::string& scene,
                     const std::string& moves, const std::string& file)
{
    if (!canDraw())
        return 1;
    OffscreenStage stage;
    engine::Context& context = stage.context;
    engine::SceneStack& stack = stage.stack;

    if (scene == "menu")
        stack.push(std::make_unique<MenuScene>(stack, registry, choice, "Connects to a private broker on 127.0.0.1"));
    else
    {
        engine::MatchSettings settings;
        settings.name = choice.name.empty() ? "You" : choice.name;
        settings.clock = choice.clock;
        auto match = std::make_unique<engine::Match>(*choice.game, context.queue, settings);
        engine::Session& session = match->session();
        if (scene == "waiting")
        {
            session.connecting();
            session.waitingForPartner();
        }
        else
        {
            session.startOffline(true, "Computer");
            std::string error;
            const auto& samples = choice.game->info().samples;
            const auto sample = samples.find(scene);
            const std::string position = !moves.empty() ? moves : sample != samples.end() ? sample->second : "";
            if (!session.load(position, error))
            {
                std::cerr << "--moves: " << error << '\n';
                return 2;
            }
        }
        engine::PlayScene::Options options;
        options.whereText = "room \"" + choice.room + "\" on " + choice.host + ":" + std::to_string(choice.port);
        stack.push(std::make_unique<engine::PlayScene>(stack, *choice.game, std::move(match), std::move(options)));
    }
    return stage.save(file);
}

int renderLobbyScreenshot(const Choice& choice, const std::string& file)
{
    if (!canDraw())
        return 1;
    OffscreenStage stage;
    auto lobby = std::make_unique<LobbyScene>(stage.stack, choice);
    const LobbyScene& shown = *lobby;
    stage.stack.push(std::move(lobby));
    if (!waitForLobby(shown.board(), stage.context.queue, std::chrono::seconds(8)))
        std::cerr << "the lobby is not complete: " << shown.board().problem() << '\n';
    stage.stack.update(sf::Time::Zero);
    return stage.save(file);
}

} // namespace runner
