#include "RoomList.hpp"

#include <algorithm>
#include <iomanip>

#include <mqttgames/mqtt/SafeText.hpp>

namespace runner
{

bool waitForLobby(const engine::LobbyBoard& board, mqtt::EventQueue& queue, std::chrono::milliseconds timeout)
{
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    while (!board.caughtUp() && board.problem().empty())
    {
        const auto now = std::chrono::steady_clock::now();
        if (now >= deadline)
            break;
        if (mqtt::EventQueue::Call call; queue.waitPop(call, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now)))
            queue.run(call);
    }
    return board.caughtUp();
}

int printRooms(const Choice& choice, std::ostream& out, std::ostream& log)
{
    mqtt::EventQueue queue;
    engine::LobbyBoard board(choice.game->info().id, queue, choice);
    board.start();
    const std::string where = choice.host + ":" + std::to_string(choice.port);
    // The connect timeout (5 s), then a moment for what the broker kept.
    if (!waitForLobby(board, queue, std::chrono::seconds(8)))
    {
        const std::string problem = board.problem();
        log << (problem.empty() ? "the lobby on " + where + " did not answer in time" : problem) << '\n';
        return 1;
    }
    const auto rooms = board.rooms();
    const std::string& game = choice.game->info().title;
    if (rooms.empty())
    {
        out << "Nobody waits for a partner in " << game << " on " << where << ". Open a room: --room NAME\n";
        return 0;
    }
    std::size_t roomWidth = 4;
    for (const auto& entry : rooms)
        roomWidth = std::max(roomWidth, entry.room.size());
    out << "Waiting for a partner in " << game << " on " << where << " (join: --room ROOM --clock CLOCK):\n";
    out << "  " << std::left << std::setw(static_cast<int>(roomWidth)) << "ROOM" << "  WAITING   CLOCK     PLAYER\n";
    const auto now = engine::LobbyEntry::Clock::now();
    for (const auto& entry : rooms)
        out << "  " << std::setw(static_cast<int>(roomWidth)) << entry.room << "  " << std::setw(8)
            << engine::waitingFor(entry, now) << "  " << std::setw(8) << entry.clock.text() << "  " << entry.name << '\n';
    return 0;
}

} // namespace runner
