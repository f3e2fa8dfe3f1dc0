#pragma once

#include <mqttgames/engine/AlternatingRound.hpp>
#include <mqttgames/tictactoe/Board.hpp>

namespace tictactoe
{

/// A round of tic-tac-toe for the engine: the board, this side's mark, and the "move" message.
/// The starter plays X.
class Round : public engine::AlternatingRound
{
public:
    Round(bool localStarts, engine::Outbox outbox);

    const Board& board() const { return m_board; }
    Mark localMark() const { return markOf(localSeat()); }
    /// The cell played last, or -1.
    int lastCell() const { return m_lastCell; }

    std::string boardText() const override;
    std::string notationHelp() const override;
    std::string lastEventText() const override;
    engine::BotJob botJob(int level) const override;
    bool load(std::string_view position, std::string& error) override;

private:
    static Mark markOf(Seat seat) { return seat == Seat::First ? Mark::X : Mark::O; }

    bool gameOver() const override { return m_board.isOver(); }
    Seat seatToMove() const override;
    std::optional<Seat> winner() const override;
    std::string seatName(Seat seat) const override;
    bool playLocal(std::string_view action, nlohmann::json& move, std::string& error) override;
    bool playRemote(const nlohmann::json& move, std::string& error) override;
    void played(int cell);

    Board m_board;
    int m_lastCell = -1;
};

} // namespace tictactoe
