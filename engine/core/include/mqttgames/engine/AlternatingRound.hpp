#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include <mqttgames/engine/Round.hpp>

namespace engine
{

/// A round of a game in which the two sides move in turn, each move one "move" message: it keeps
/// whose side is local, answers whose turn it is and how the round ended, and refuses actions and
/// messages out of turn or after the end. The game supplies its rules through the hooks below and
/// the rest of engine::Round (board text, notation, bot, load). Main thread only.
class AlternatingRound : public Round
{
public:
    /// The sides in the order they move; the one that starts is First.
    enum class Seat
    {
        First,
        Second
    };

    static Seat other(Seat seat) { return seat == Seat::First ? Seat::Second : Seat::First; }

    Seat localSeat() const { return m_local; }

    Turn turn() const final;
    Outcome outcome() const final;
    std::string localSide() const final;
    std::string remoteSide() const final;
    /// "<side> wins" or "Draw"; empty while undecided.
    std::string resultText() const override;
    /// Refuses the action when the round is over or it is the partner's turn, then asks playLocal;
    /// the reply sends what it gives as a "move".
    Reply act(std::string_view action) final;
    /// Refuses anything but a "move", and a move after the end or out of the partner's turn, then asks
    /// playRemote.
    Reply receive(const std::string& type, const nlohmann::json& body) final;

protected:
    explicit AlternatingRound(bool localStarts);

    /// Why the local side may not move now ("the game is over", "it is not your turn"), or "".
    std::string whyLocalMayNotMove() const;

    /// The seat a game's own side value stands for (X or O, Red or Teal); nothing for any other
    /// value (an empty cell, no winner).
    template <typename Side>
    static std::optional<Seat> seatOf(Side side, Side first, Side second)
    {
        if (side == first)
            return Seat::First;
        if (side == second)
            return Seat::Second;
        return std::nullopt;
    }

    /// Replaces `rules` by Rules(position), a rules value built from a move string that throws
    /// std::invalid_argument for a bad one; then false with its reason and `rules` unchanged.
    template <typename Rules>
    static bool loadRules(Rules& rules, std::string_view position, std::string& error)
    {
        try
        {
            rules = Rules(position);
        }
        catch (const std::invalid_argument& invalid)
        {
            error = invalid.what();
            return false;
        }
        return true;
    }

private:
    /// Whether the rules say the game has ended (a win or a full board).
    virtual bool gameOver() const = 0;
    /// The side to move while the game goes on.
    virtual Seat seatToMove() const = 0;
    /// The winner of an ended game; nothing for a draw.
    virtual std::optional<Seat> winner() const = 0;
    /// The name players see for a side: "X", "Red".
    virtual std::string seatName(Seat seat) const = 0;
    /// Parses a local action and plays it when legal, filling the body of the "move" to send;
    /// otherwise false with the reason, and the rules unchanged. Called only on the local turn.
    virtual bool playLocal(std::string_view action, nlohmann::json& move, std::string& error) = 0;
    /// Decodes the partner's "move" and plays it when well-formed and legal; otherwise false with the
    /// reason, and the rules unchanged. Called only on the partner's turn; never throws.
    virtual bool playRemote(const nlohmann::json& move, std::string& error) = 0;

    Seat m_local;
};

} // namespace engine
