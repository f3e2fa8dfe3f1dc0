#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <mqttgames/engine/Match.hpp>
#include <mqttgames/engine/RoundView.hpp>
#include <mqttgames/engine/Scene.hpp>
#include <mqttgames/engine/StatusBar.hpp>

namespace engine
{

class PlayFooter;

/// The screen of a match, for any game: status bar, the game's view of the round, and under it the
/// score, notices and the courtesies of play (PlayFooter).
/// While there is no partner it shows a waiting card on top; after a round, a panel to play again.
/// Owns the match (and any companion seats, such as an in-process computer opponent).
class PlayScene : public Scene
{
public:
    struct Options
    {
        /// Called when the player leaves (Menu button, Escape), after this scene asked to be popped.
        std::function<void()> onLeave;
        /// Other seats kept running as long as this scene (a computer opponent in this process).
        std::vector<std::unique_ptr<Match>> companions;
        /// Shown on the waiting card: where we wait ("room lobby on 127.0.0.1:1883").
        std::string whereText;
    };

    /// `game` is the match's game, borrowed; it outlives the scene.
    PlayScene(SceneStack& stack, const GameWithView& game, std::unique_ptr<Match> match, Options options);
    ~PlayScene() override;

    bool handleEvent(const sf::Event& event) override;
    bool update(sf::Time dt) override;
    void draw(sf::RenderTarget& target) const override;
    bool isAnimating() const override { return m_animating; }
    /// The match's (and its companions') next timer.
    std::optional<std::chrono::steady_clock::time_point> nextWake() const override;
    bool isOpaque() const override { return true; }

    Match& match() { return *m_match; }
    /// Leaves the match: pops the overlay and this scene, then calls Options::onLeave.
    void leave();
    /// The view of the current round (nullptr before the first).
    const RoundView* view() const { return m_view.get(); }
    /// Where the board is drawn, in design units.
    sf::FloatRect boardArea() const;

private:
    enum class Overlay
    {
        None,
        Waiting,
        RoundOver,
    };

    void followSession();
    bool mayAct() const;
    void refreshStatus();
    Overlay wantedOverlay() const;

    const GameWithView* m_game;
    std::unique_ptr<Match> m_match;
    Options m_options;
    StatusBar m_status;
    std::unique_ptr<RoundView> m_view;
    const Round* m_viewedRound = nullptr;
    Overlay m_overlay = Overlay::None;
    std::uint64_t m_seenRevision = ~std::uint64_t{0};
    std::size_t m_shownWatchers = 0;
    std::string m_shownClocks;
    std::unique_ptr<PlayFooter> m_footer; // under the board: score, notices, resign, draw, takeback
    sf::Vector2f m_pointer{-1.f, -1.f};
    bool m_animating = true;
    bool m_left = false;
};

} // namespace engine
