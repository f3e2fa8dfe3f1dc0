#pragma once

#include <cctype>
#include <concepts>
#include <cstdint>
#include <memory>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <mqttgames/engine/AlternatingRound.hpp>
#include <mqttgames/engine/TurnBot.hpp>
#include <mqttgames/engine/TurnRules.hpp>

namespace engine
{

/// A round of a game of turns (TurnRules), as the session drives it: the state, the moves so far,
/// and the "move" message, whose body is the Move's JSON. A move is decoded once and judged once by
/// State::legal. Main thread only.
template <TurnRules State>
class TurnRound : public AlternatingRound
{
public:
    using Move = typename State::Move;

    /// `text` is borrowed from the game and outlives the round.
    TurnRound(const TurnGameText& text, TurnBot<State> bot, bool localStarts)
        : AlternatingRound(localStarts), m_text(&text), m_bot(std::move(bot))
    {
    }

    const State& state() const { return m_state; }

    /// A local move as a view picked it, checked as act() checks notation: our turn, then legal().
    Reply play(const Move& move)
    {
        if (std::string why = whyLocalMayNotMove(); !why.empty())
            return Reply::refuse(std::move(why));
        if (!m_state.legal(move))
            return Reply::refuse(std::string(State::notation(move)) + " is not allowed now");
        record(move);
        return Reply::accept({{"move", nlohmann::json(move)}});
    }
    /// The action that plays `move` on the round it is given (a round of this State): what a view or
    /// a bot hands the session, the move kept as a value.
    static Action playing(Move move)
    {
        return Action([move = std::move(move)](Round& round) { return static_cast<TurnRound&>(round).play(move); });
    }
    /// The moves since the position was last set (a new round, or load()).
    const std::vector<Move>& history() const { return m_history; }
    /// Counts load()s, so a view can tell a new position from a move played on the old one.
    std::uint64_t loads() const { return m_loads; }

    std::string boardText() const override
    {
        std::ostringstream out;
        out << m_state;
        return out.str();
    }
    std::string notationHelp() const override { return m_text->notationHelp; }
    std::string lastEventText() const override
    {
        if (m_history.empty())
            return {};
        return seatName(m_lastMover) + " plays " + std::string(State::notation(m_history.back()));
    }
    BotJob botJob(int level) const override
    {
        return [state = m_state, bot = m_bot, chosen = botLevelAt(level)](const BotControl& control) -> Action
        {
            const auto move = bot(state, chosen, control);
            return move ? playing(*move) : Action(std::string());
        };
    }
    /// The engine's search (TurnSearch), whatever bot the game plays with: it reads any game of turns.
    WinSearch botWinSearch(int level) const override
    {
        return [state = m_state, chosen = botLevelAt(level)](const BotControl& control)
        {
            std::mt19937 random(std::random_device{}());
            return TurnSearch<State>(control, random).seesWin(state, chosen);
        };
    }
    bool load(std::string_view position, std::string& error) override
    {
        try
        {
            m_state = positionFrom(position);
        }
        catch (const std::invalid_argument& invalid)
        {
            error = invalid.what();
            return false;
        }
        m_loaded = position;
        m_history.clear();
        ++m_loads;
        return true;
    }
    bool canTakeBack() const override { return !m_history.empty() && !gameOver(); }
    /// The position is played again from the last load() without the last move.
    void takeBack() override
    {
        if (m_history.empty())
            return;
        std::vector<Move> moves = std::move(m_history);
        moves.pop_back();
        m_state = positionFrom(m_loaded); // it was read once already
        m_history.clear();
        for (const Move& move : moves)
            record(move);
        ++m_loads; // a view shows the position anew
    }
    /// The moves from the start (a loaded position, then the moves since), in the notation: one
    /// after the other for a State that reads its position from text itself (its constructor from a
    /// std::string_view reads them so, as tic-tac-toe's and Connect Four's do), else apart.
    std::optional<std::string> publicPosition() const override
    {
        constexpr bool joined = std::constructible_from<State, std::string_view>;
        std::string moves = m_loaded;
        for (const Move& move : m_history)
            moves += (joined || moves.empty() ? "" : " ") + std::string(State::notation(move));
        return moves;
    }

private:
    /// The position after a move string: the game's own constructor when it has one, else moves in
    /// the notation separated by spaces.
    static State positionFrom(std::string_view position)
    {
        if constexpr (std::constructible_from<State, std::string_view>)
            return State(position);
        else
        {
            State state;
            std::istringstream words{std::string(position)};
            for (std::string word; words >> word;)
            {
                const auto move = State::parse(word);
                if (!move || !state.legal(*move))
                    throw std::invalid_argument("illegal move \"" + word + "\" in \"" + std::string(position) + "\"");
                state.apply(*move);
            }
            return state;
        }
    }

    bool gameOver() const override { return m_state.end().has_value(); }
    Seat seatToMove() const override { return m_state.toMove() == 0 ? Seat::First : Seat::Second; }
    std::optional<Seat> winner() const override
    {
        const auto end = m_state.end();
        if (!end || !end->winner)
            return std::nullopt;
        return *end->winner == 0 ? Seat::First : Seat::Second;
    }
    std::string seatName(Seat seat) const override { return m_text->sides[seat == Seat::First ? 0 : 1]; }

    bool playLocal(std::string_view action, nlohmann::json& body, std::string& error) override
    {
        while (!action.empty() && std::isspace(static_cast<unsigned char>(action.front())))
            action.remove_prefix(1);
        while (!action.empty() && std::isspace(static_cast<unsigned char>(action.back())))
            action.remove_suffix(1);
        const auto move = State::parse(action);
        if (!move)
        {
            error = "\"" + std::string(action) + "\" is not a move (" + m_text->notationHelp + ")";
            return false;
        }
        if (!m_state.legal(*move))
        {
            error = std::string(State::notation(*move)) + " is not allowed now";
            return false;
        }
        record(*move);
        body = *move;
        return true;
    }
    bool playRemote(const nlohmann::json& body, std::string& error) override
    {
        Move move;
        try
        {
            move = body.get<Move>();
        }
        catch (const std::exception& malformed) // nlohmann's, or a from_json's own (engine::integerField)
        {
            error = std::string("malformed move: ") + malformed.what();
            return false;
        }
        if (!m_state.legal(move))
        {
            // Named by its JSON, not the notation: a move out of range may have none.
            const std::string text = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
            error = "the move " + (text.size() > 60 ? text.substr(0, 57) + "..." : text) + " is not allowed now";
            return false;
        }
        record(move);
        return true;
    }
    void record(const Move& move)
    {
        m_lastMover = seatToMove();
        m_state.apply(move);
        m_history.push_back(move);
    }

    const TurnGameText* m_text;
    TurnBot<State> m_bot;
    State m_state;
    std::string m_loaded; // the position last loaded: publicPosition() starts from it
    std::vector<Move> m_history;
    Seat m_lastMover = Seat::First;
    std::uint64_t m_loads = 0;
};

} // namespace engine
