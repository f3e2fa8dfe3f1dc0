#pragma once

// One libFuzzer body for every game of turns: any body a partner could send as a move, on any
// position, through the round the engine derives from the rules (decoded once, judged once).
#include <mqttgames/engine/TurnRound.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

/// The first bytes pick a position (one-character moves, stopping at the first that is not legal);
/// the rest is the body of the partner's "move". Traps on any broken promise.
template <engine::TurnRules State>
int fuzzPartnerMove(const engine::TurnGameText& names, const std::uint8_t* data, std::size_t size)
{
    std::string moves;
    State state;
    while (moves.size() < size)
    {
        const auto move = State::parse(std::string_view(reinterpret_cast<const char*>(data) + moves.size(), 1));
        if (!move || !state.legal(*move))
            break;
        state.apply(*move);
        moves += static_cast<char>(data[moves.size()]);
    }
    const auto body = nlohmann::json::parse(std::string(reinterpret_cast<const char*>(data) + moves.size(), size - moves.size()),
                                            nullptr, false);
    if (body.is_discarded())
        return 0;
    // Our seat is the one not to move, so the body is the partner's move on its turn.
    engine::TurnRound<State> round(names, engine::searchMove<State>, state.toMove() == 1);
    std::string error;
    if (!round.load(moves, error))
        __builtin_trap();
    const engine::Reply reply = round.receive("move", body);
    if (!reply.send.empty())
        __builtin_trap(); // a partner's move asks for no answer
    if (reply.accepted)
    {
        // What the round accepts must be a legal move that encodes back to what it decoded.
        const auto move = body.get<typename State::Move>();
        if (!state.legal(move) || round.history().size() != 1 || nlohmann::json(round.history().back()) != nlohmann::json(move))
            __builtin_trap();
    }
    else if (reply.reason.empty() || !(round.state() == state))
        __builtin_trap(); // a refusal always says why, and changes nothing
    // Every legal move survives the wire.
    for (const auto& move : state.moves())
        if (!state.legal(nlohmann::json(move).get<typename State::Move>()))
            __builtin_trap();
    return 0;
}
