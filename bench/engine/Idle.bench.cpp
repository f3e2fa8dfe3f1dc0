// Idle cost: CPU and wakeups of a real launcher (windowed, and headless) waiting for a partner's move
// that never comes, through a private mosquitto. The partner is a headless launcher whose stdin stays
// silent; its own figures (waiting for its player's move) are reported too.

#include "LauncherPair.hpp"
#include "Options.hpp"
#include "ProcessInfo.hpp"
#include "Report.hpp"
#include "Stats.hpp"

#include <mqttgames/engine/Display.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>

#include <future>
#include <iostream>
#include <map>
#include <memory>
#include <thread>

namespace
{

struct Sample
{
    double cpu = 0;
    long switches = 0;
};

Sample sample(pid_t pid)
{
    return {bench::cpuSeconds(pid), bench::voluntarySwitches(pid)};
}

struct Case
{
    std::string name;
    double goalPercent;
    std::vector<double> cpuPercent{};
    std::vector<double> wakeupsPerSecond{};
    int waitingForPartner = 0; // runs in which it waited for the partner, not for its own move
};

} // namespace

int main(int argc, char** argv)
{
    bench::CommonOptions common;
    double seconds = 10;
    std::string game = "tictactoe";
    std::string launcher = MQTTGAMES_LAUNCHER;
    CLI::App cli{"CPU of an idle game: the launcher waiting for a partner's move, windowed and headless"};
    bench::addCommonOptions(cli, common);
    cli.add_option("--seconds", seconds, "Measured seconds of one run")->check(CLI::PositiveNumber)->capture_default_str();
    cli.add_option("--game", game, "Game to play")->capture_default_str();
    cli.add_option("--launcher", launcher, "The mqttgames program to measure")->capture_default_str();
    CLI11_PARSE(cli, argc, argv);
    double settle = 1.0;
    if (common.quick)
    {
        seconds = 2;
        settle = 0.5;
        common.repetitions = 1;
    }
    else
        common.repetitions = std::min(common.repetitions, 3);
    seconds = std::min(seconds, common.maxSeconds);
    const bool window = engine::displayAvailable();
    if (!window)
        std::cerr << "bench_idle: no display, so the windowed case is left out (run it under scripts/virtual-display)\n";

    mqtt::LoopbackBroker broker;
    Case windowed{"window", 2.0};
    Case headless{"headless", 0.5};
    Case ownMove{"headless-own-move", 0.5};
    for (int rep = 0; rep < common.repetitions; ++rep)
    {
        bench::LauncherPair::Settings settings;
        settings.launcher = launcher;
        settings.game = game;
        settings.host = broker.host();
        settings.port = broker.port();
        if (common.quick)
            settings.attempts = 2; // an unlucky start is reported as such rather than waited out
        // Both pairs start and idle at once, each in its own room.
        bench::LauncherPair::Settings headlessSettings = settings;
        headlessSettings.room = "idle-headless-" + std::to_string(rep);
        headlessSettings.measuredHeadless = true;
        auto startingHeadless = std::async(std::launch::async,
                                           [&headlessSettings] { return std::make_unique<bench::LauncherPair>(headlessSettings); });
        std::unique_ptr<bench::LauncherPair> windowPair;
        if (window)
        {
            settings.room = "idle-window-" + std::to_string(rep);
            windowPair = std::make_unique<bench::LauncherPair>(settings);
        }
        const std::unique_ptr<bench::LauncherPair> headlessPairOwner = startingHeadless.get();
        const bench::LauncherPair& headlessPair = *headlessPairOwner;

        // Let the start of the round (its status change, its fade-in) finish before measuring.
        std::this_thread::sleep_for(std::chrono::duration<double>(settle));
        std::vector<std::pair<Case*, pid_t>> measured{{&headless, headlessPair.measuredPid()},
                                                      {&ownMove, headlessPair.partnerPid()}};
        if (windowPair)
            measured.push_back({&windowed, windowPair->measuredPid()});
        std::vector<Sample> before;
        for (const auto& [c, pid] : measured)
            before.push_back(sample(pid));
        const auto start = std::chrono::steady_clock::now();
        std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); // the measured idle time
        const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        for (std::size_t i = 0; i < measured.size(); ++i)
        {
            const Sample after = sample(measured[i].second);
            Case& c = *measured[i].first;
            c.cpuPercent.push_back(100.0 * (after.cpu - before[i].cpu) / elapsed);
            c.wakeupsPerSecond.push_back(static_cast<double>(after.switches - before[i].switches) / elapsed);
        }
        if (windowPair && windowPair->waitsForPartner())
            ++windowed.waitingForPartner;
        if (headlessPair.waitsForPartner())
            ++headless.waitingForPartner;
        if (!headlessPair.waitsForPartner())
            ++ownMove.waitingForPartner; // it had the start: it waited for its partner, not for its own move
    }

    const bench::JsonLines json("idle");
    bench::Table table({"case", "game", "runs", "waiting for partner", "CPU % of a core (min-max)", "wakeups/s (min-max)",
                        "goal CPU %", "met"});
    for (const Case* c : {&windowed, &headless, &ownMove})
    {
        if (c->cpuPercent.empty())
            continue;
        const auto cpu = bench::spread(c->cpuPercent);
        const auto wakeups = bench::spread(c->wakeupsPerSecond);
        const bool met = cpu.median < c->goalPercent;
        json.print({{"case", c->name},
                    {"game", game},
                    {"reps", c->cpuPercent.size()},
                    {"seconds", seconds},
                    {"waiting_for_partner", c->waitingForPartner},
                    {"cpu_percent", cpu.median},
                    {"cpu_min_percent", cpu.min},
                    {"cpu_max_percent", cpu.max},
                    {"wakeups_per_s", wakeups.median},
                    {"wakeups_min_per_s", wakeups.min},
                    {"wakeups_max_per_s", wakeups.max},
                    {"goal_cpu_percent", c->goalPercent},
                    {"met", met}});
        table.addRow({c->name, game, std::to_string(c->cpuPercent.size()),
                      std::to_string(c->waitingForPartner) + "/" + std::to_string(c->cpuPercent.size()),
                      bench::withRange(cpu.median, cpu.min, cpu.max, 2), bench::withRange(wakeups.median, wakeups.min, wakeups.max, 0),
                      bench::fixed(c->goalPercent, 1), met ? "yes" : "NO"});
    }
    std::cout << "\nIdle launchers, " << seconds << " s per run, median of the runs (range); CPU is user + system of the "
              << "launcher process (/proc/<pid>/stat), wakeups its threads' voluntary context switches\n";
    table.print(std::cout);
    return 0;
}
