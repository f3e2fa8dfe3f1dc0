#pragma once

#include <mqttgames/engine/AlternatingRound.hpp>

#include "Heaps.hpp"

namespace nim
{

/// A round of Nim for the engine: the heaps, and the hooks through which the engine's alternating
/// round takes turns, sends and checks "move" messages. The starter is "First".
class Round : public engine::AlternatingRound
{
public:
    Round(bool localStarts, engine::Outbox outbox) : AlternatingRound(localStarts, std::move(outbox)) {}

    const Heaps& heaps() const { return m_heaps; }

    std::string boardText() const override;
    std::string notationHelp() const override { return "heap a-c and how many to take: b2"; }
    std::string lastEventText() const override;
    engine::BotJob botJob(int level) const override;
    bool load(std::string_view position, std::string& error) override;

private:
    bool gameOver() const override { return m_heaps.isOver(); }
    Seat seatToMove() const override { return m_heaps.toMove() == 0 ? Seat::First : Seat::Second; }
    std::optional<Seat> winner() const override;
    std::string seatName(Seat seat) const override { return seat == Seat::First ? "First" : "Second"; }
    bool playLocal(std::string_view action, nlohmann::json& move, std::string& error) override;
    bool playRemote(const nlohmann::json& move, std::string& error) override;

    Heaps m_heaps;
};

} // namespace nim
