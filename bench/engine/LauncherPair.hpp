#pragma once

#include <chrono>
#include <memory>
#include <string>

#include <mqttgames/testing/ChildProcess.hpp>

namespace bench
{

/// A real launcher process (windowed or headless) in a game against a headless launcher that never
/// moves (nothing is ever written to its stdin), both in a room of their own on one broker.
class LauncherPair
{
public:
    struct Settings
    {
        std::string launcher; ///< path of the mqttgames program
        std::string game = "tictactoe";
        std::string host;
        int port = 0;
        std::string room;
        bool measuredHeadless = false;
        /// How often fresh processes are tried until the partner has the first move.
        int attempts = 8;
        std::chrono::milliseconds startTimeout{15000};
    };

    /// Starts the pair and waits until the first round started. The start goes to the player with
    /// the smaller random id, so it starts again with fresh processes until the partner starts (the
    /// measured launcher then waits for the partner's move); after `attempts` it keeps the last pair.
    /// Throws std::runtime_error when no round starts.
    explicit LauncherPair(const Settings& settings);
    /// Ends both (SIGTERM) and waits for them.
    ~LauncherPair();

    pid_t measuredPid() const { return m_measured->pid(); }
    pid_t partnerPid() const { return m_partner->pid(); }
    /// Whether the measured launcher is waiting for the partner's move (else for its own).
    bool waitsForPartner() const { return m_partnerStarts; }
    int attempts() const { return m_attempts; }

private:
    std::unique_ptr<testing::ChildProcess> m_measured;
    std::unique_ptr<testing::ChildProcess> m_partner;
    bool m_partnerStarts = false;
    int m_attempts = 0;
};

} // namespace bench
