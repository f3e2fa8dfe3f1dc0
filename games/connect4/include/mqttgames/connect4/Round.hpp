#pragma once

#include <mqttgames/connect4/Board.hpp>
#include <mqttgames/engine/Round.hpp>

namespace connect4
{

/// The name players see for a side: "Red" moves first, "Teal" second (the theme's player colours).
const char* sideName(Disc disc);

/// A round of Connect Four for the engine: the board, this side's disc, and the "move" message.
/// Actions are columns "1".."7" from the left; the starter plays Red.
class Round : public engine::Round
{
public:
    Round(bool localStarts, engine::Outbox outbox);

    const Board& board() const { return m_board; }
    Disc localDisc() const { return m_local; }
    /// The 0-based column played last, or -1 before the first move.
    int lastColumn() const;

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
    /// Level 0 easy, 1 medium, 2 hard; the search stops at the engine's deadline or DefaultBudget,
    /// whichever comes first.
    engine::BotJob botJob(int level) const override;
    /// `position` is a move string of columns "1".."7" ("4453"), First moving first.
    bool load(std::string_view position, std::string& error) override;

private:
    Board m_board;
    Disc m_local;
    engine::Outbox m_outbox;
};

} // namespace connect4
