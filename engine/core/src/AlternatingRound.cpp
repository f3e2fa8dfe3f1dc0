#include <mqttgames/engine/AlternatingRound.hpp>

namespace engine
{

AlternatingRound::AlternatingRound(bool localStarts, Outbox outbox)
    : m_local(localStarts ? Seat::First : Seat::Second), m_outbox(std::move(outbox))
{
}

Turn AlternatingRound::turn() const
{
    if (gameOver())
        return Turn::None;
    return seatToMove() == m_local ? Turn::Local : Turn::Remote;
}

Outcome AlternatingRound::outcome() const
{
    if (!gameOver())
        return Outcome::Undecided;
    const auto won = winner();
    if (!won)
        return Outcome::Draw;
    return *won == m_local ? Outcome::Won : Outcome::Lost;
}

std::string AlternatingRound::localSide() const { return seatName(m_local); }
std::string AlternatingRound::remoteSide() const { return seatName(other(m_local)); }

std::string AlternatingRound::resultText() const
{
    if (!gameOver())
        return {};
    const auto won = winner();
    return won ? seatName(*won) + " wins" : "Draw";
}

bool AlternatingRound::act(std::string_view action, std::string& error)
{
    if (gameOver())
    {
        error = "the game is over";
        return false;
    }
    if (seatToMove() != m_local)
    {
        error = "it is not your turn";
        return false;
    }
    nlohmann::json move;
    if (!playLocal(action, move, error))
        return false;
    if (m_outbox)
        m_outbox("move", std::move(move));
    return true;
}

bool AlternatingRound::receive(const std::string& type, const nlohmann::json& body, std::string& error)
{
    if (type != "move")
    {
        error = "unknown message \"" + type + "\"";
        return false;
    }
    if (gameOver())
    {
        error = "the game is over";
        return false;
    }
    if (seatToMove() == m_local)
    {
        error = "it is not the partner's turn";
        return false;
    }
    return playRemote(body, error);
}

} // namespace engine
