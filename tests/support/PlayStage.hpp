#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <mqttgames/engine/Context.hpp>
#include <mqttgames/engine/RoundView.hpp>
#include <mqttgames/engine/Match.hpp>
#include <mqttgames/engine/PlayScene.hpp>
#include <mqttgames/engine/SceneStack.hpp>
#include <mqttgames/engine/Theme.hpp>

namespace testsupport
{

/// A play scene of one offline match at a position, as the launcher's screenshot builds it: this side
/// starts, against "Computer". `error` says why it could not be set up. Needs a display; main thread.
class PlayStage
{
public:
    /// `game` is borrowed and outlives the stage.
    PlayStage(const engine::GameWithView& game, std::string_view position)
    {
        engine::loadFonts(m_fonts);
        auto match = std::make_unique<engine::Match>(game, m_context.queue, engine::MatchSettings{});
        m_match = match.get();
        m_match->session().startOffline(true, "Computer");
        if (!m_match->session().load(position, error))
            return;
        auto scene = std::make_unique<engine::PlayScene>(m_stack, game, std::move(match), engine::PlayScene::Options{});
        m_scene = scene.get();
        m_stack.push(std::move(scene));
        m_stack.applyPendingChanges();
    }

    PlayStage(const PlayStage&) = delete;
    PlayStage& operator=(const PlayStage&) = delete;

    /// The scene and the session; only when error is empty.
    const engine::PlayScene& scene() const { return *m_scene; }
    engine::Session& session() { return m_match->session(); }
    engine::SceneStack& stack() { return m_stack; }
    const engine::Theme& theme() const { return m_theme; }

    std::string error;

private:
    engine::FontHolder m_fonts;
    const engine::Theme m_theme;
    engine::Context m_context{m_fonts, m_theme, mqtt::EventQueue{}};
    engine::SceneStack m_stack{m_context};
    engine::Match* m_match = nullptr;
    engine::PlayScene* m_scene = nullptr;
};

} // namespace testsupport
