// libFuzzer target: any body a partner could send as a tic-tac-toe move, on any position, through
// the round the engine derives from the rules (decoded once, judged once).
#include <mqttgames/engine/TurnRound.hpp>
#include <mqttgames/tictactoe/Board.hpp>

#include <cstddef>
#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    // The first bytes pick a position (cells '1'..'9', stopping at the first illegal one).
    std::string moves;
    tictactoe::Board board;
    while (moves.size() < size && moves.size() < 9 && data[moves.size()] >= '1' && data[moves.size()] <= '9' &&
           board.legal({data[moves.size()] - '1'}))
    {
        board.apply({data[moves.size()] - '1'});
        moves += static_cast<char>(data[moves.size()]);
    }
    const std::string text(reinterpret_cast<const char*>(data) + moves.size(), size - moves.size());
    const auto body = nlohmann::json::parse(text, nullptr, false);
    if (body.is_discarded())
        return 0;
    static const engine::TurnGameText names = tictactoe::text();
    // Our seat is the one not to move, so the body is the partner's move on its turn.
    engine::TurnRound<tictactoe::Board> round(names, engine::searchMove<tictactoe::Board>, board.toMove() == 1, nullptr);
    std::string error;
    if (!round.load(moves, error))
        __builtin_trap();
    if (round.receive("move", body, error))
    {
        // What the round accepts must be a legal move that encodes back to what it decoded.
        const auto move = body.get<tictactoe::Move>();
        if (!board.legal(move) || round.history().size() != 1 || nlohmann::json(round.history().back()) != nlohmann::json(move))
            __builtin_trap();
    }
    else if (error.empty() || !(round.state() == board))
        __builtin_trap(); // a refusal always says why, and changes nothing
    return 0;
}
