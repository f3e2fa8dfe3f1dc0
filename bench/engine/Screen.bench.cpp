// To the screen: in the engine's real main loop (engine::App, a real window), the time from a message's
// hand-over to the EventQueue by the network thread to the end of the frame that shows it (after
// display()), and the frame times while messages pour in. A real publisher client sends through a
// private mosquitto; the receiving client posts to the App's queue, as a game's does.

#include "ArrivalScene.hpp"
#include "FrameProbe.hpp"
#include "Options.hpp"
#include "Publisher.hpp"
#include "Report.hpp"
#include "Stats.hpp"

#include <mqttgames/engine/App.hpp>
#include <mqttgames/engine/Display.hpp>
#include <mqttgames/mqtt/LoopbackBroker.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include <iostream>
#include <memory>

namespace
{

using Clock = bench::FrameProbe::Clock;

struct Case
{
    std::string name;
    double perSecond;
    unsigned frameLimit; // 0: as fast as the loop goes, so a frame time is the frame's own cost
    std::vector<bench::Percentiles> latency{};
    std::vector<bench::Percentiles> frames{};
    std::vector<bench::Percentiles> renders{};
    std::vector<double> framesPerSecond{};
    std::uint64_t shown = 0;
};

struct Run
{
    std::vector<double> latenciesMs;
    std::vector<double> frameTimesMs;
    std::vector<double> renderTimesMs;
    double seconds = 0;
};

Run measure(const mqtt::LoopbackBroker& broker, const Case& c, int index, double seconds, double warmUpSeconds,
            unsigned antialiasing)
{
    engine::App::Settings settings;
    settings.antialiasing = antialiasing;
    settings.title = "bench_screen";
    settings.framerateLimit = c.frameLimit;
    mqtt::EventQueue queue;
    engine::App app(settings, queue);

    const auto start = Clock::now();
    const auto warmUpEnd = start + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(warmUpSeconds));
    const auto deadline = warmUpEnd + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(seconds));
    bench::FrameProbe probe(warmUpEnd);
    auto scene = std::make_unique<bench::ArrivalScene>(app.scenes(), probe, deadline);
    bench::ArrivalScene* shown = scene.get(); // owned by the stack, which outlives the subscriber below
    app.scenes().push(std::move(scene));
    app.setFrameObserver([&probe] { probe.frameShown(); });

    const std::string topic = "bench/screen/" + std::to_string(index);
    // Stamped the moment the network thread hands the message over; only a copy crosses threads.
    mqtt::MQTTClient subscriber(
        [queue, shown](const std::string&, const std::string& payload)
        {
            const auto handedOver = Clock::now();
            queue.push([shown, payload, handedOver] { shown->receive(payload, handedOver); });
        });
    if (!subscriber.connect(broker.host(), broker.port()) || !subscriber.subscribe(topic))
        throw std::runtime_error("subscriber: " + subscriber.getLastError());
    Run run;
    {
        const bench::Publisher publisher(broker.host(), broker.port(), topic, c.perSecond);
        app.run();
    }
    subscriber.disconnect(); // no more calls for the scene
    run.latenciesMs = probe.latenciesMs();
    run.frameTimesMs = probe.frameTimesMs();
    run.renderTimesMs = probe.renderTimesMs();
    run.seconds = seconds;
    return run;
}

} // namespace

int main(int argc, char** argv)
{
    bench::CommonOptions common;
    double seconds = 3;
    double rate = 10000;
    unsigned antialiasing = engine::App::Settings{}.antialiasing;
    CLI::App cli{"Message to screen latency and frame times in the engine's main loop (needs a display: "
                 "scripts/virtual-display bench_screen)"};
    bench::addCommonOptions(cli, common);
    cli.add_option("--seconds", seconds, "Measured seconds of one run of one case")->check(CLI::PositiveNumber)->capture_default_str();
    cli.add_option("--rate", rate, "Messages per second of the loaded cases")->check(CLI::PositiveNumber);
    cli.add_option("--antialiasing", antialiasing, "Antialiasing level asked of the window (the games': 8)")
        ->capture_default_str();
    CLI11_PARSE(cli, argc, argv);
    double warmUp = 0.5;
    if (common.quick)
    {
        seconds = 0.6;
        warmUp = 0.3;
        common.repetitions = std::min(common.repetitions, 1);
    }
    seconds = std::min(seconds, common.maxSeconds);
    if (!engine::displayAvailable())
    {
        std::cerr << "bench_screen: no display (run it under scripts/virtual-display)\n";
        return 1;
    }

    mqtt::LoopbackBroker broker;
    std::vector<Case> cases{{"sparse", 20, 60}, {"loaded", rate, 60}, {"loaded-unlimited", rate, 0}};
    int index = 0;
    // Repetitions interleave the cases, so that a noisy moment of a shared machine hurts them all alike.
    for (int rep = 0; rep < common.repetitions; ++rep)
        for (std::size_t i = 0; i < cases.size(); ++i)
        {
            Case& c = cases[(i + static_cast<std::size_t>(rep)) % cases.size()];
            const Run run = measure(broker, c, index++, seconds, warmUp, antialiasing);
            c.latency.push_back(bench::percentiles(run.latenciesMs));
            c.frames.push_back(bench::percentiles(run.frameTimesMs));
            c.renders.push_back(bench::percentiles(run.renderTimesMs));
            c.framesPerSecond.push_back(static_cast<double>(run.frameTimesMs.size()) / run.seconds);
            c.shown += run.latenciesMs.size();
        }

    const bench::JsonLines json("screen");
    bench::Table table({"case", "msgs/s", "limit", "shown", "frames/s", "to screen p50 ms (min-max)", "p90", "p99 (min-max)",
                        "render p50 ms", "p99", "frame p50 ms", "p90", "p99 (min-max)", "budget ms", "p99 within"});
    for (const Case& c : cases)
    {
        auto pick = [](const std::vector<bench::Percentiles>& runs, double bench::Percentiles::*field)
        {
            std::vector<double> values;
            for (const auto& r : runs)
                values.push_back(r.*field);
            return bench::spread(values);
        };
        const auto l50 = pick(c.latency, &bench::Percentiles::p50);
        const auto l90 = pick(c.latency, &bench::Percentiles::p90);
        const auto l99 = pick(c.latency, &bench::Percentiles::p99);
        const auto f50 = pick(c.frames, &bench::Percentiles::p50);
        const auto f90 = pick(c.frames, &bench::Percentiles::p90);
        const auto f99 = pick(c.frames, &bench::Percentiles::p99);
        const auto r50 = pick(c.renders, &bench::Percentiles::p50);
        const auto r99 = pick(c.renders, &bench::Percentiles::p99);
        const auto fps = bench::spread(c.framesPerSecond);
        // The frame interval the game asks for; unlimited runs are held to the same 60 Hz.
        const double budgetMs = 1000.0 / (c.frameLimit ? c.frameLimit : 60);
        // Sparse messages leave the loop idle between frames, so their frame times say nothing.
        const bool framesCount = c.name != "sparse";
        const bool within = f99.median <= budgetMs;
        nlohmann::json line{{"case", c.name},
                            {"rate_per_s", c.perSecond},
                            {"frame_limit", c.frameLimit},
                            {"reps", c.latency.size()},
                            {"antialiasing", antialiasing},
                            {"shown", c.shown},
                            {"budget_ms", budgetMs},
                            {"latency_p50_ms", l50.median},
                            {"latency_p50_min_ms", l50.min},
                            {"latency_p50_max_ms", l50.max},
                            {"latency_p90_ms", l90.median},
                            {"latency_p99_ms", l99.median},
                            {"latency_p99_min_ms", l99.min},
                            {"latency_p99_max_ms", l99.max},
                            {"latency_p99_within_budget", l99.median <= budgetMs},
                            {"render_p50_ms", r50.median},
                            {"render_p99_ms", r99.median}};
        if (framesCount)
            line.update({{"frames_per_s", fps.median},
                         {"frame_p50_ms", f50.median},
                         {"frame_p90_ms", f90.median},
                         {"frame_p99_ms", f99.median},
                         {"frame_p99_min_ms", f99.min},
                         {"frame_p99_max_ms", f99.max},
                         {"frame_p99_within_budget", within}});
        json.print(line);
        table.addRow({c.name, bench::fixed(c.perSecond, 0), c.frameLimit ? std::to_string(c.frameLimit) : "none",
                      std::to_string(c.shown), framesCount ? bench::fixed(fps.median, 0) : "-",
                      bench::withRange(l50.median, l50.min, l50.max, 2), bench::fixed(l90.median, 2),
                      bench::withRange(l99.median, l99.min, l99.max, 2), bench::fixed(r50.median, 2),
                      bench::fixed(r99.median, 2), framesCount ? bench::fixed(f50.median, 2) : "-",
                      framesCount ? bench::fixed(f90.median, 2) : "-",
                      framesCount ? bench::withRange(f99.median, f99.min, f99.max, 2) : "-", bench::fixed(budgetMs, 2),
                      framesCount ? (within ? "yes" : "NO") : "-"});
    }
    std::cout << "\nTo screen: from hand-over to the queue to the end of the frame showing it; render: from the start of "
                 "that frame's drawing to its end; frame: between frame ends; median of "
              << common.repetitions << " repetitions of " << seconds << " s (range over repetitions)\n";
    table.print(std::cout);
    return 0;
}
