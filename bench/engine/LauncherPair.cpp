#include "LauncherPair.hpp"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace bench
{
namespace
{

std::vector<std::string> arguments(const LauncherPair::Settings& settings, const std::string& room, const std::string& name,
                                   bool headless)
{
    std::vector<std::string> args{settings.launcher, settings.game, "--host", settings.host, "--port", std::to_string(settings.port),
                                  "--room", room, "--name", name};
    if (headless)
        args.push_back("--headless");
    return args;
}

} // namespace

LauncherPair::LauncherPair(const Settings& settings)
{
    for (m_attempts = 1; m_attempts <= settings.attempts; ++m_attempts)
    {
        if (m_measured)
        {
            m_measured->terminate();
            m_partner->terminate();
        }
        const std::string room = settings.room + "-" + std::to_string(m_attempts);
        m_measured = std::make_unique<testing::ChildProcess>(arguments(settings, room, "measured", settings.measuredHeadless));
        m_partner = std::make_unique<testing::ChildProcess>(arguments(settings, room, "partner", true));
        // The partner prints "-- round 1: you are O, measured starts" or "... and start".
        const auto deadline = std::chrono::steady_clock::now() + settings.startTimeout;
        bool started = false;
        while (!started)
        {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
            if (left.count() <= 0)
                break;
            const auto line = m_partner->readLine(left);
            if (!line)
                break;
            if (line->find("-- round 1:") != std::string::npos)
            {
                started = true;
                m_partnerStarts = line->find(" and start") != std::string::npos;
            }
        }
        if (!started)
            throw std::runtime_error("no round started between the launchers (room " + room + ")");
        if (m_partnerStarts)
            break;
    }
    m_attempts = std::min(m_attempts, settings.attempts);
}

LauncherPair::~LauncherPair()
{
    m_measured->terminate();
    m_partner->terminate();
}

} // namespace bench
