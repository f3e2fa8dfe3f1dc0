// Memory: the resident size of a process holding one idle client (after connect and pairing), and
// its growth over many messages through the pair. The measured client runs in a fresh child
// process; its partner, which echoes every message, and the broker run in this one.

#include <mqttgames/testing/ChildProcess.hpp>
#include "Echo.hpp"
#include "Endpoints.hpp"
#include "Options.hpp"
#include "Payload.hpp"
#include "ProcessInfo.hpp"
#include "Report.hpp"

#include <mqttgames/mqtt/LoopbackBroker.hpp>

#include <iostream>
#include <thread>

namespace
{

using Clock = std::chrono::steady_clock;
using bench::Flavour;
using nlohmann::json;

struct MeasurePlan
{
    Flavour flavour = Flavour::Game;
    bench::PairPlan pair;
    std::size_t messages = 1000000; // both ways: half sent by the measured client, half echoed to it
    std::size_t window = 100; // messages in flight: enough to keep the pair busy, bounded queues
    int idleMs = 3000;
    double maxSeconds = 600;
};

// The child: side A of the pair. Prints one JSON object.
json measure(const MeasurePlan& plan)
{
    const long rssStart = bench::residentKb();
    const auto inbox = bench::makeInbox(plan.flavour);
    const auto endpoint = bench::connectSide(plan.flavour, plan.pair, bench::Side::A, inbox->delivery());
    if (!endpoint->waitReady(std::chrono::seconds(10)))
        throw std::runtime_error("no partner");

    // Idle: what a connected client costs while nobody moves (its threads still wake up).
    const auto idleBefore = bench::selfUsage();
    std::this_thread::sleep_for(std::chrono::milliseconds(plan.idleMs));
    const auto idleAfter = bench::selfUsage();
    const long rssIdle = bench::residentKb();
    const long threads = bench::threadCount();

    long rssHalf = rssIdle;
    const std::size_t roundTrips = plan.messages / 2;
    std::size_t sent = 0;
    std::size_t received = 0;
    const auto deadline = bench::deadlineAfter(plan.maxSeconds);
    const auto start = Clock::now();
    while (received < roundTrips && Clock::now() < deadline)
    {
        while (sent < roundTrips && sent - received < plan.window)
            endpoint->send(bench::makePayload(sent++, 60));
        if (!inbox->pop(std::chrono::seconds(2)))
            break; // the rest is lost: reported as fewer messages
        if (++received == roundTrips / 2)
            rssHalf = bench::residentKb();
    }
    const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
    const long rssEnd = bench::residentKb();
    const double idleSeconds = plan.idleMs / 1000.0;
    return {{"rss_start_kb", rssStart},
            {"rss_idle_kb", rssIdle},
            {"idle_client_kb", rssIdle - rssStart},
            {"threads", threads},
            {"idle_wakeups_per_s", static_cast<double>(idleAfter.voluntarySwitches - idleBefore.voluntarySwitches) / idleSeconds},
            {"idle_cpu_ms_per_s", 1000 * (idleAfter.cpuSeconds - idleBefore.cpuSeconds) / idleSeconds},
            {"messages", 2 * received},
            {"rss_0_kb", rssIdle},
            {"rss_50_kb", rssHalf},
            {"rss_100_kb", rssEnd},
            {"growth_kb", rssEnd - rssIdle},
            {"growth_50_100_kb", rssEnd - rssHalf},
            {"round_trips_per_s", static_cast<double>(received) / seconds}};
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"Memory: one idle client, and its growth over many messages"};
    bench::CommonOptions common;
    common.repetitions = 1;
    common.maxSeconds = 600;
    MeasurePlan plan;
    std::vector<std::string> flavourNames{"raw", "gameclient"};
    std::string child;
    bench::addCommonOptions(app, common);
    app.add_option("--messages", plan.messages, "Messages through the pair, both ways (each is echoed back)");
    app.add_option("--window", plan.window, "Messages in flight at most");
    app.add_option("--idle-ms", plan.idleMs, "How long the paired client idles before the messages");
    app.add_option("--flavours", flavourNames, "Clients to measure: raw, mqttclient, gameclient")->delimiter(',');
    app.add_option("--child", child, "(internal) measure one client: FLAVOUR")->group("");
    app.add_option("--broker-port", plan.pair.port, "(internal)")->group("");
    app.add_option("--topic", plan.pair.topic, "(internal)")->group("");
    CLI11_PARSE(app, argc, argv);
    if (common.quick)
    {
        plan.messages = std::min<std::size_t>(plan.messages, 10000);
        plan.idleMs = std::min(plan.idleMs, 500);
        common.maxSeconds = std::min(common.maxSeconds, 5.0);
    }
    plan.maxSeconds = common.maxSeconds;
    plan.pair.host = "127.0.0.1";

    if (!child.empty())
    {
        try
        {
            plan.flavour = bench::flavourFromString(child).value();
            std::cout << measure(plan).dump() << std::endl;
            return 0;
        }
        catch (const std::exception& e)
        {
            std::cout << json{{"error", e.what()}}.dump() << std::endl;
            return 1;
        }
    }

    mqtt::LoopbackBroker broker;
    const bench::JsonLines jsonLines("memory");
    bench::Table table({"case", "idle client kB", "process kB", "threads", "idle wakeups/s", "messages", "rss 0% kB",
                        "50% kB", "100% kB", "growth kB", "50-100% kB", "round trips/s"});
    int run = 0;
    for (int rep = 0; rep < common.repetitions; ++rep)
        for (const auto& name : flavourNames)
        {
            const auto flavour = bench::flavourFromString(name);
            if (!flavour)
            {
                std::cerr << "memory: unknown flavour '" << name << "'\n";
                return 2;
            }
            bench::PairPlan pair{broker.host(), broker.port(), "bench/memory/" + std::to_string(run++), 0};
            const auto inbox = bench::makeInbox(*flavour);
            const auto partner = bench::connectSide(*flavour, pair, bench::Side::B, inbox->delivery());
            const bench::Echo echo(*partner, *inbox);

            testing::ChildProcess measured(testing::ChildProcess::thisProgram({"--child", name, "--broker-port", std::to_string(pair.port), "--topic", pair.topic,
                                          "--messages", std::to_string(plan.messages), "--window",
                                          std::to_string(plan.window), "--idle-ms", std::to_string(plan.idleMs),
                                          "--max-seconds", std::to_string(plan.maxSeconds)}));
            json result = json::parse(measured.readLine(testing::ChildProcess::Forever).value_or(""), nullptr, false);
            if (measured.wait(testing::ChildProcess::Forever) != 0 || !result.is_object() || result.contains("error"))
            {
                std::cerr << "memory: " << name << " failed: " << result.dump() << "\n";
                continue;
            }
            result["case"] = name;
            result["messages_planned"] = plan.messages;
            jsonLines.print(result);
            auto number = [&](const char* key) { return bench::fixed(result[key].get<double>(), 0); };
            table.addRow({name, number("idle_client_kb"), number("rss_idle_kb"), number("threads"),
                          bench::fixed(result["idle_wakeups_per_s"].get<double>(), 1), number("messages"),
                          number("rss_0_kb"), number("rss_50_kb"), number("rss_100_kb"), number("growth_kb"),
                          number("growth_50_100_kb"), number("round_trips_per_s")});
        }
    std::cout << "\nOne client process: resident memory when idle and paired, then over " << plan.messages
              << " messages through the pair (half of them echoes from its partner; " << plan.window
              << " in flight)\n";
    table.print(std::cout);
    return 0;
}
