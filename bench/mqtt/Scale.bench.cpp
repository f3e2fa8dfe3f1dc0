// Scale: K simultaneous matches, two clients each, through one private mosquitto. Each pair plays a
// scripted exchange of JSON moves with a think time between them. Every (flavour, K) run happens in
// fresh child processes (shards that play at once), so that their memory, threads and context
// switches are the run's own.

#include <mqttgames/testing/ChildProcess.hpp>
#include "Options.hpp"
#include "ProcessInfo.hpp"
#include "Report.hpp"
#include "Stats.hpp"
#include "Tournament.hpp"

#include <mqttgames/mqtt/LoopbackBroker.hpp>

#include <iostream>
#include <map>

namespace
{

using Clock = std::chrono::steady_clock;
using bench::Flavour;
using bench::RunPlan;
using bench::Tournament;
using nlohmann::json;

// One shard of a run, in a child process: connects its matches, says it is ready, plays when told
// "go" on stdin, and reports on stdout. libmosquitto's own loop (the raw baseline) uses select(),
// which refuses sockets numbered 1024 or more, and every client holds three descriptors: so a raw
// process hosts at most about 340 clients, and a raw run of many matches is split over several
// processes. Ours run on one epoll reactor per process: a run is one process, however many matches.
int runShard(const RunPlan& plan)
{
    bench::raiseFileLimit();
    Tournament tournament(plan);
    const long rssBefore = bench::residentKb();
    const long threadsBefore = bench::threadCount();
    const auto connectStart = Clock::now();
    tournament.connect(bench::deadlineAfter(plan.maxSeconds));
    std::cout << json{{"ready", true},
                      {"rss_kb", bench::residentKb() - rssBefore},
                      {"threads", bench::threadCount() - threadsBefore},
                      {"connect_s", std::chrono::duration<double>(Clock::now() - connectStart).count()}}
                     .dump()
              << std::endl;

    std::string go;
    std::getline(std::cin, go);
    const auto usageBefore = bench::selfUsage();
    tournament.play(bench::deadlineAfter(plan.maxSeconds));
    const auto usageAfter = bench::selfUsage();
    auto sinceEpoch = [](Clock::time_point time) { return std::chrono::duration<double>(time.time_since_epoch()).count(); };
    std::cout << json{{"played", true},
                      {"latencies_ms", tournament.latenciesMs()},
                      {"lost", tournament.lost()},
                      {"start_s", sinceEpoch(tournament.start())},
                      {"last_s", sinceEpoch(tournament.lastMove())},
                      {"cpu_s", usageAfter.cpuSeconds - usageBefore.cpuSeconds},
                      {"voluntary_switches", usageAfter.voluntarySwitches - usageBefore.voluntarySwitches},
                      {"involuntary_switches", usageAfter.involuntarySwitches - usageBefore.involuntarySwitches}}
                     .dump()
              << std::endl;

    const auto disconnectStart = Clock::now();
    tournament.disconnect();
    std::cout << json{{"done", true}, {"disconnect_s", std::chrono::duration<double>(Clock::now() - disconnectStart).count()}}
                     .dump()
              << std::endl;
    return 0;
}

// Reads a child's lines until one has `key`; a line with "error", or its end, is a failure.
json awaitLine(testing::ChildProcess& child, const char* key)
{
    while (const auto line = child.readLine(testing::ChildProcess::Forever))
    {
        json value = json::parse(*line, nullptr, false);
        if (value.is_object() && value.contains("error"))
            throw std::runtime_error(value["error"].get<std::string>());
        if (value.is_object() && value.contains(key))
            return value;
    }
    throw std::runtime_error(std::string("a shard ended before '") + key + "'");
}

// One run of K matches, split over shards of at most `perProcess` matches that play at once
// (raw libmosquitto only: ours play every match in one process).
json runMatches(const RunPlan& plan, int perProcess, const mqtt::LoopbackBroker& broker, int runId)
{
    if (plan.flavour != Flavour::Raw)
        perProcess = plan.matches;
    const int shards = (plan.matches + perProcess - 1) / perProcess;
    std::vector<std::unique_ptr<testing::ChildProcess>> children;
    for (int shard = 0, first = 0; shard < shards; ++shard)
    {
        const int count = plan.matches / shards + (shard < plan.matches % shards ? 1 : 0);
        children.push_back(std::make_unique<testing::ChildProcess>(testing::ChildProcess::thisProgram({
            "--child", bench::toString(plan.flavour), "--child-matches", std::to_string(count), "--first-match",
            std::to_string(first), "--run-id", std::to_string(runId), "--broker-port", std::to_string(broker.port()),
            "--moves", std::to_string(plan.moves), "--think-ms", std::to_string(plan.thinkMs), "--move-bytes",
            std::to_string(plan.moveBytes), "--max-seconds", std::to_string(plan.maxSeconds)})));
        first += count;
    }
    double rssKb = 0, threads = 0, connectSeconds = 0;
    for (auto& child : children)
    {
        const json ready = awaitLine(*child, "ready");
        rssKb += ready["rss_kb"].get<double>();
        threads += ready["threads"].get<double>();
        connectSeconds = std::max(connectSeconds, ready["connect_s"].get<double>());
    }

    const double brokerCpuBefore = bench::cpuSeconds(broker.pid());
    for (auto& child : children)
        child->writeLine("go");
    std::vector<double> latencies;
    std::size_t lost = 0;
    double start = 0, last = 0, cpu = 0, voluntary = 0, involuntary = 0;
    for (auto& child : children)
    {
        const json played = awaitLine(*child, "played");
        const auto shardLatencies = played["latencies_ms"].get<std::vector<double>>();
        latencies.insert(latencies.end(), shardLatencies.begin(), shardLatencies.end());
        lost += played["lost"].get<std::size_t>();
        start = start == 0 ? played["start_s"].get<double>() : std::min(start, played["start_s"].get<double>());
        last = std::max(last, played["last_s"].get<double>());
        cpu += played["cpu_s"].get<double>();
        voluntary += played["voluntary_switches"].get<double>();
        involuntary += played["involuntary_switches"].get<double>();
    }
    const double brokerCpu = bench::cpuSeconds(broker.pid()) - brokerCpuBefore;
    double disconnectSeconds = 0;
    for (auto& child : children)
    {
        disconnectSeconds = std::max(disconnectSeconds, awaitLine(*child, "done")["disconnect_s"].get<double>());
        if (child->wait(testing::ChildProcess::Forever) != 0)
            throw std::runtime_error("a shard failed");
    }

    const double clients = 2.0 * plan.matches;
    const double seconds = std::max(last - start, 1e-9);
    const double moves = static_cast<double>(std::max<std::size_t>(latencies.size(), 1));
    const auto latency = bench::percentiles(latencies);
    return {{"moves_per_s", static_cast<double>(latencies.size()) / seconds},
            {"moves", latency.count},
            {"lost", lost},
            {"p50_ms", latency.p50},
            {"p99_ms", latency.p99},
            {"max_ms", latency.max},
            {"processes", shards},
            {"rss_kb_per_client", rssKb / clients},
            {"threads_per_client", threads / clients},
            {"voluntary_switches_per_move", voluntary / moves},
            {"involuntary_switches_per_move", involuntary / moves},
            {"client_cpu_percent", 100 * cpu / seconds},
            {"broker_cpu_percent", 100 * brokerCpu / seconds},
            {"broker_cpu_us_per_move", 1e6 * brokerCpu / moves},
            {"connect_s", connectSeconds},
            {"disconnect_s", disconnectSeconds}};
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"Scale: K simultaneous matches through one mosquitto"};
    bench::CommonOptions common;
    common.repetitions = 3;
    std::vector<int> matchCounts{10, 100, 500, 1000};
    std::vector<std::string> flavourNames{"raw", "mqttclient", "gameclient"};
    RunPlan plan;
    std::string child;
    bench::addCommonOptions(app, common);
    app.add_option("--matches", matchCounts, "Numbers of simultaneous matches (two clients each)")->delimiter(',');
    app.add_option("--flavours", flavourNames, "Clients to measure: raw, mqttclient, gameclient")->delimiter(',');
    app.add_option("--moves", plan.moves, "Moves per player and match")->check(CLI::PositiveNumber);
    app.add_option("--think-ms", plan.thinkMs, "Think time before each answer")->check(CLI::NonNegativeNumber);
    app.add_option("--move-bytes", plan.moveBytes, "Size of a move");
    app.add_option("--child", child, "(internal) run one measurement: FLAVOUR")->group("");
    app.add_option("--child-matches", plan.matches, "(internal)")->group("");
    app.add_option("--first-match", plan.firstMatch, "(internal)")->group("");
    app.add_option("--run-id", plan.runId, "(internal)")->group("");
    app.add_option("--broker-port", plan.brokerPort, "(internal)")->group("");
    int perProcess = 150;
    app.add_option("--matches-per-process", perProcess,
                   "Raw libmosquitto: at most this many matches per client process (its select() limit)")
        ->check(CLI::Range(1, 160));
    CLI11_PARSE(app, argc, argv);
    plan.maxSeconds = common.maxSeconds;

    if (!child.empty())
    {
        try
        {
            plan.flavour = bench::flavourFromString(child).value();
            return runShard(plan);
        }
        catch (const std::exception& e)
        {
            std::cout << json{{"error", e.what()}}.dump() << std::endl;
            return 1;
        }
    }

    if (common.quick)
    {
        matchCounts = {5};
        plan.moves = std::min(plan.moves, 10);
        common.repetitions = std::min(common.repetitions, 2);
        common.maxSeconds = std::min(common.maxSeconds, 5.0);
    }
    plan.maxSeconds = common.maxSeconds;
    std::vector<Flavour> flavours;
    for (const auto& name : flavourNames)
    {
        const auto flavour = bench::flavourFromString(name);
        if (!flavour)
        {
            std::cerr << "scale: unknown flavour '" << name << "' (raw, mqttclient, gameclient)\n";
            return 2;
        }
        flavours.push_back(*flavour);
    }

    // The broker inherits our limit on open files: raise it before starting it.
    const long fileLimit = bench::raiseFileLimit();
    mqtt::LoopbackBroker broker;

    std::map<std::pair<int, Flavour>, std::vector<json>> runs;
    int runId = 0;
    for (int rep = 0; rep < common.repetitions; ++rep)
        for (int matches : matchCounts)
            for (std::size_t i = 0; i < flavours.size(); ++i)
            {
                const Flavour flavour = flavours[(i + static_cast<std::size_t>(rep)) % flavours.size()];
                RunPlan run = plan;
                run.flavour = flavour;
                run.matches = matches;
                try
                {
                    runs[{matches, flavour}].push_back(runMatches(run, perProcess, broker, runId++));
                }
                catch (const std::exception& e)
                {
                    std::cerr << "scale: " << bench::toString(flavour) << " with " << matches << " matches failed: " << e.what()
                              << "\n";
                }
            }

    const bench::JsonLines jsonLines("scale");
    bench::Table table({"case", "matches", "moves/s (min-max)", "p50 ms", "p99 ms (min-max)", "lost", "kB/client",
                        "threads/client", "vol.sw/move", "broker CPU %", "broker us/move", "connect s"});
    auto median = [](const std::vector<json>& results, const char* key)
    {
        std::vector<double> values;
        for (const auto& r : results)
            values.push_back(r.at(key).get<double>());
        return bench::spread(values);
    };
    for (int matches : matchCounts)
        for (Flavour flavour : flavours)
        {
            const auto& results = runs[{matches, flavour}];
            if (results.empty())
            {
                table.addRow({bench::toString(flavour), std::to_string(matches), "failed"});
                continue;
            }
            const auto rate = median(results, "moves_per_s");
            const auto p50 = median(results, "p50_ms");
            const auto p99 = median(results, "p99_ms");
            std::size_t lost = 0;
            for (const auto& r : results)
                lost += r.at("lost").get<std::size_t>();
            json line = {{"case", bench::toString(flavour)},
                         {"matches", matches},
                         {"clients", 2 * matches},
                         {"reps", results.size()},
                         {"moves_per_player", plan.moves},
                         {"think_ms", plan.thinkMs},
                         {"moves_per_s", rate.median},
                         {"moves_per_s_min", rate.min},
                         {"moves_per_s_max", rate.max},
                         {"p50_ms", p50.median},
                         {"p99_ms", p99.median},
                         {"p99_min_ms", p99.min},
                         {"p99_max_ms", p99.max},
                         {"lost", lost},
                         {"file_limit", fileLimit}};
            for (const char* key : {"max_ms", "processes", "rss_kb_per_client", "threads_per_client", "voluntary_switches_per_move",
                                    "involuntary_switches_per_move", "client_cpu_percent", "broker_cpu_percent",
                                    "broker_cpu_us_per_move", "connect_s", "disconnect_s"})
                line[key] = median(results, key).median;
            jsonLines.print(line);
            table.addRow({bench::toString(flavour), std::to_string(matches),
                          bench::withRange(rate.median, rate.min, rate.max, 0), bench::fixed(p50.median, 2),
                          bench::withRange(p99.median, p99.min, p99.max, 2), std::to_string(lost),
                          bench::fixed(line["rss_kb_per_client"].get<double>(), 0),
                          bench::fixed(line["threads_per_client"].get<double>(), 2),
                          bench::fixed(line["voluntary_switches_per_move"].get<double>(), 1),
                          bench::fixed(line["broker_cpu_percent"].get<double>(), 0),
                          bench::fixed(line["broker_cpu_us_per_move"].get<double>(), 0),
                          bench::fixed(line["connect_s"].get<double>(), 2)});
        }
    std::cout << "\nMatches of " << plan.moves << " moves per player, " << plan.moveBytes << "-byte moves, " << plan.thinkMs
              << " ms think time; raw: up to " << perProcess
              << " matches per process, ours: all in one; the consumers of a process on one thread; median of " << common.repetitions
              << " runs (range over runs), each in fresh processes\n";
    table.print(std::cout);
    return 0;
}
