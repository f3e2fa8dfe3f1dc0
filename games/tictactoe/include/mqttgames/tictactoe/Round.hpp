#pragma once

#include <mqttgames/engine/Round.hpp>
#include <mqttgames/tictactoe/Board.hpp>

namespace tictactoe
{

/// A round of tic-tac-toe for the engine: the board, this side's mark, and the "move" message.
/// The starter plays X.
class Round : public engine::Round
{
public:
    Round(bool localStarts, engine::Outbox outbox);

    const Board& board() const { return m_board; }
    Mark localMark() const { return m_local; }
    /// The cell played last, or -1.
    int lastCell() const { return m_lastCell; }

    engine::Turn turn() const override;
    engine::Outcome outcome() const override;
    std::string localSide() const override;
    std::string remoteSide() const override;
    std::string boardText() const override;
    std::string notationHelp() const override;
    std::string lastEventText() const override;
    std::string resultText() const override;
    bool act(std::string_view action, std::string& error) override;
    bool receive(const std::string& type, const nlohmann::json& body, std::string& error) override;
    engine::BotJob botJob(int level) const override;
    bool load(std::string_view position, std::string& error) override;

private:
    void played(int cell);

    Board m_board;
    Mark m_local;
    engine::Outbox m_outbox;
    int m_lastCell = -1;
};

} // namespace tictactoe
