#include <mqttgames/engine/AlternatingRound.hpp>

namespace engine
{

AlternatingRound::AlternatingRound(bool localStarts) : m_local(localStarts ? Seat::First : Seat::Second) {}

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

std::string AlternatingRound::whyLocalMayNotMove() const
{
    if (gameOver())
        return "the game is over";
    if (seatToMove() != m_local)
        return "it is not your turn";
    return {};
}

Reply AlternatingRound::act(std::string_view action)
{
    if (std::string why = whyLocalMayNotMove(); !why.empty())
        return Reply::refuse(std::move(why));
    nlohmann::json move;
    std::string error;
    if (!playLocal(action, move, error))
        return Reply::refuse(std::move(error));
    return Reply::accept({{"move", std::move(move)}});
}

Reply AlternatingRound::receive(const std::string& type, const nlohmann::json& body)
{
    if (type != "move")
        return Reply::refuse("unknown message \"" + type + "\"");
    if (gameOver())
        return Reply::refuse("the game is over");
    if (seatToMove() == m_local)
        return Reply::refuse("it is not the partner's turn");
    std::string error;
    if (!playRemote(body, error))
        return Reply::refuse(std::move(error));
    return Reply::accept();
}

} // namespace engine
