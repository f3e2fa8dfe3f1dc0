#pragma once

#include <mqttgames/connect4/Board.hpp>
#include <mqttgames/engine/AlternatingRound.hpp>

namespace connect4
{

/// The name players see for a side: "Red" moves first, "Teal" second (the theme's player colours).
const char* sideName(Disc disc);

/// A round of Connect Four for the engine: the board, this side's disc, and the "move" message.
/// Actions are columns "1".."7" from the left; the starter plays Red.
class Round : public engine::AlternatingRound
{
public:
    Round(bool localStarts, engine::Outbox outbox);

    const Board& board() const { return m_board; }
    Disc localDisc() const { return discOf(localSeat()); }
    /// The 0-based column played last, or -1 before the first move.
    int lastColumn() const;

    std::string boardText() const override;
    std::string notationHelp() const override;
    std::string lastEventText() const override;
    /// Level 0 easy, 1 medium, 2 hard; the search stops at the engine's deadline or DefaultBudget,
    /// whichever comes first.
    engine::BotJob botJob(int level) const override;
    /// `position` is a move string of columns "1".."7" ("4453"), First moving first.
    bool load(std::string_view position, std::string& error) override;

private:
    static Disc discOf(Seat seat) { return seat == Seat::First ? Disc::First : Disc::Second; }

    bool gameOver() const override { return m_board.isOver(); }
    Seat seatToMove() const override;
    std::optional<Seat> winner() const override;
    std::string seatName(Seat seat) const override;
    bool playLocal(std::string_view action, nlohmann::json& move, std::string& error) override;
    bool playRemote(const nlohmann::json& move, std::string& error) override;

    Board m_board;
};

} // namespace connect4
