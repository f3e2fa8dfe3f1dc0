#pragma once

#include <memory>
#include <utility>

#include <mqttgames/engine/BotLevel.hpp>
#include <mqttgames/engine/Game.hpp>
#include <mqttgames/engine/TurnBot.hpp>
#include <mqttgames/engine/TurnRound.hpp>

namespace engine
{

/// A game of turns (TurnRules) as the session, bots and terminal play see it: rounds of State with
/// the messages, turn order and computer opponent derived from it. A game may bring its own bot.
template <TurnRules State>
class TurnGame : public Game
{
public:
    explicit TurnGame(TurnGameText text, TurnBot<State> bot = searchMove<State>)
        : m_text(std::move(text)), m_bot(std::move(bot)),
          m_info{m_text.id, m_text.title, m_text.protocolVersion, botLevelNames(), m_text.samples, true}
    {
    }

    const GameInfo& info() const override { return m_info; }
    std::unique_ptr<Round> newRound(const RoundSetup& setup) const override
    {
        return std::make_unique<TurnRound<State>>(m_text, m_bot, setup.localStarts);
    }
    const TurnGameText& text() const { return m_text; }

private:
    TurnGameText m_text;
    TurnBot<State> m_bot;
    GameInfo m_info;
};

} // namespace engine
