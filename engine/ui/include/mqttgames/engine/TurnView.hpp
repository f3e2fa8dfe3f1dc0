#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include <mqttgames/engine/RoundView.hpp>
#include <mqttgames/engine/TurnGame.hpp>

namespace engine
{

/// The board of a game of turns on screen. A game's view derives from it and is told what changed:
/// reset() with a whole new position, played() with each move as it is made. It turns input into a
/// Move with pick(). Main thread only; the round outlives the view.
template <TurnRules State>
class TurnView : public RoundView
{
public:
    using Move = typename State::Move;

    /// Follows `round` from now on: reset() with its position, then every change. Called once by
    /// TurnGameWithView right after it made the view.
    void follow(const TurnRound<State>& round)
    {
        m_round = &round;
        catchUp();
    }

    /// The picked move goes to the round as it is: decoded by nobody, judged once by legal().
    std::optional<Action> handleEvent(const sf::Event& event, sf::Vector2f pointer, bool mayAct) final
    {
        const auto move = pick(event, pointer, mayAct);
        if (!move || !mayAct)
            return std::nullopt;
        // The session's round is the one this view follows, made by the same game: a TurnRound.
        return TurnRound<State>::playing(*move);
    }

    bool update(sf::Time dt, bool mayAct) final
    {
        catchUp();
        return animate(dt, mayAct);
    }

protected:
    /// The round's current position.
    const State& state() const { return m_round->state(); }
    /// This client's seat: 0 when it moves first (for a preview of its own piece).
    int localSeat() const { return m_round->localSeat() == AlternatingRound::Seat::First ? 0 : 1; }

    /// A whole new position: a new round, or one set by load(). Rebuild everything from it.
    virtual void reset(const State& state) = 0;
    /// `move` was just played; `after` is the position it made.
    virtual void played(const Move& move, const State& after)
    {
        (void)move;
        reset(after);
    }
    /// Input: the move the player makes with it, if any (hover effects may change the view). Only a
    /// move picked while `mayAct` is played.
    virtual std::optional<Move> pick(const sf::Event& event, sf::Vector2f pointer, bool mayAct) = 0;
    /// Advances animations; true while something still moves.
    virtual bool animate(sf::Time dt, bool mayAct)
    {
        (void)dt;
        (void)mayAct;
        return false;
    }

private:
    void catchUp()
    {
        const auto& history = m_round->history();
        if (m_loads == m_round->loads() && m_seen == history.size())
            return;
        // One new move is shown as played; anything else (a new position, a jump) as a whole.
        const bool oneMove = m_loads == m_round->loads() && m_seen + 1 == history.size();
        m_loads = m_round->loads();
        m_seen = history.size();
        if (oneMove)
            played(history.back(), m_round->state());
        else
            reset(m_round->state());
    }

    const TurnRound<State>* m_round = nullptr;
    std::uint64_t m_loads = ~std::uint64_t{0};
    std::size_t m_seen = 0;
};

/// A game of turns with its view: what the launcher, the runner and the play screen take.
/// View derives from TurnView<State> and is built from the context: View(const Context&).
template <TurnRules State, typename View>
class TurnGameWithView : public GameWithView
{
public:
    explicit TurnGameWithView(TurnGameText text, TurnBot<State> bot = searchMove<State>)
        : m_rules(std::move(text), std::move(bot))
    {
    }

    const GameInfo& info() const override { return m_rules.info(); }
    std::unique_ptr<Round> newRound(const RoundSetup& setup) const override { return m_rules.newRound(setup); }
    std::unique_ptr<RoundView> newView(const Round& round, const Context& context) const override
    {
        auto view = std::make_unique<View>(context);
        // Every round of this game is one of ours (newRound above).
        view->follow(static_cast<const TurnRound<State>&>(round));
        return view;
    }

private:
    TurnGame<State> m_rules;
};

} // namespace engine
