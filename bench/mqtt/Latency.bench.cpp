// Ping-pong round trips: A sends, B's consumer answers, A's consumer receives. Ours (GameClient and
// MQTTClient, each consumer waiting on an mqtt::EventQueue) against raw libmosquitto (consumer
// waiting on a condition variable), all against one private mosquitto, in the same run.

#include "Echo.hpp"
#include "Endpoints.hpp"
#include "Options.hpp"
#include "Payload.hpp"
#include "Report.hpp"
#include "Stats.hpp"

#include <mqttgames/mqtt/LoopbackBroker.hpp>

#include <iostream>
#include <map>

namespace
{

using Clock = std::chrono::steady_clock;
using bench::Flavour;

// One client flavour at one qos against one broker, connected once and measured repeatedly.
struct Case
{
    Case(Flavour flavourOf, int qosOf, std::string brokerName, const mqtt::LoopbackBroker& broker, int index) :
    flavour(flavourOf),
    qos(qosOf),
    brokerLabel(std::move(brokerName)),
    inboxA(bench::makeInbox(flavour)),
    inboxB(bench::makeInbox(flavour)),
    pair(bench::connectPair(flavour, {broker.host(), broker.port(), "bench/latency/" + std::to_string(index), qos},
                            inboxA->delivery(), inboxB->delivery())),
    echo(*pair.b, *inboxB)
    {
    }

    Flavour flavour;
    int qos;
    std::string brokerLabel;
    std::unique_ptr<bench::Inbox> inboxA;
    std::unique_ptr<bench::Inbox> inboxB;
    bench::EndpointPair pair;
    bench::Echo echo;
    std::uint64_t nextNumber = 0;
    std::vector<bench::Percentiles> repetitions;
    std::size_t lost = 0;
};

// Round trips in microseconds; an answer that does not come within a second counts as lost.
std::vector<double> measureRounds(Case& c, int rounds, std::size_t payloadBytes, Clock::time_point deadline)
{
    std::vector<double> samples;
    samples.reserve(static_cast<std::size_t>(rounds));
    for (int i = 0; i < rounds && Clock::now() < deadline; ++i)
    {
        const std::uint64_t number = c.nextNumber++;
        const std::string payload = bench::makePayload(number, payloadBytes);
        const auto start = Clock::now();
        if (!c.pair.a->send(payload))
        {
            ++c.lost;
            continue;
        }
        const auto giveUp = start + std::chrono::seconds(1);
        for (;;)
        {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(giveUp - Clock::now());
            const auto answer = c.inboxA->pop(std::max(left, std::chrono::milliseconds(0)));
            if (!answer)
            {
                ++c.lost;
                break;
            }
            if (bench::payloadNumber(*answer) == number) // older answers of lost rounds are skipped
            {
                samples.push_back(std::chrono::duration<double, std::micro>(Clock::now() - start).count());
                break;
            }
        }
    }
    return samples;
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"Ping-pong latency: GameClient and MQTTClient against raw libmosquitto"};
    bench::CommonOptions common;
    int rounds = 5000;
    int nagleRounds = 100;
    std::size_t payloadBytes = 60;
    bench::addCommonOptions(app, common);
    app.add_option("--rounds", rounds, "Round trips per repetition")->check(CLI::PositiveNumber);
    app.add_option("--nagle-rounds", nagleRounds, "Round trips per repetition against the broker without TCP_NODELAY")
        ->check(CLI::NonNegativeNumber);
    app.add_option("--payload-bytes", payloadBytes, "Size of each message");
    CLI11_PARSE(app, argc, argv);
    if (common.quick)
    {
        rounds = 200;
        nagleRounds = 10;
        common.repetitions = std::min(common.repetitions, 3);
        common.maxSeconds = std::min(common.maxSeconds, 3.0);
    }

    mqtt::LoopbackBroker broker;
    // The same broker with Nagle's algorithm left on: a later line in mosquitto.conf overrides an earlier one.
    mqtt::LoopbackBroker nagleBroker(mqtt::LoopbackBroker::Options{{}, {"set_tcp_nodelay false"}});

    std::vector<std::unique_ptr<Case>> cases;
    int index = 0;
    for (int qos : {0, 1})
        for (Flavour flavour : {Flavour::Raw, Flavour::Client, Flavour::Game})
            if (qos == 0 || flavour != Flavour::Game) // GameClient sends at qos 0 only
                cases.push_back(std::make_unique<Case>(flavour, qos, "nodelay", broker, index++));
    if (nagleRounds > 0)
        for (Flavour flavour : {Flavour::Raw, Flavour::Client})
            cases.push_back(std::make_unique<Case>(flavour, 1, "nagle", nagleBroker, index++));

    // Warm up every path (connections, allocators, caches) before anything counts.
    for (auto& c : cases)
    {
        measureRounds(*c, c->brokerLabel == "nagle" ? 5 : 50, payloadBytes, bench::deadlineAfter(common.maxSeconds));
        c->lost = 0;
    }
    // Repetitions interleave the cases, rotating their order, so that a noisy moment of a shared
    // machine hurts them all alike instead of one case.
    for (int rep = 0; rep < common.repetitions; ++rep)
        for (std::size_t i = 0; i < cases.size(); ++i)
        {
            Case& c = *cases[(i + static_cast<std::size_t>(rep)) % cases.size()];
            const int count = c.brokerLabel == "nagle" ? nagleRounds : rounds;
            c.repetitions.push_back(
                bench::percentiles(measureRounds(c, count, payloadBytes, bench::deadlineAfter(common.maxSeconds))));
        }

    const bench::JsonLines json("latency");
    bench::Table table({"case", "qos", "broker", "rounds", "p50 us (min-max)", "p90 us", "p99 us (min-max)", "lost",
                        "p50 / raw"});
    std::map<std::pair<int, std::string>, double> rawP50;
    for (const auto& c : cases)
    {
        std::vector<double> p50, p90, p99;
        std::size_t count = 0;
        for (const auto& r : c->repetitions)
        {
            p50.push_back(r.p50);
            p90.push_back(r.p90);
            p99.push_back(r.p99);
            count += r.count;
        }
        const auto s50 = bench::spread(p50);
        const auto s90 = bench::spread(p90);
        const auto s99 = bench::spread(p99);
        if (c->flavour == Flavour::Raw)
            rawP50[{c->qos, c->brokerLabel}] = s50.median;
        const double vsRaw = bench::ratio(s50.median, rawP50[{c->qos, c->brokerLabel}]);
        json.print({{"case", bench::toString(c->flavour)},
                    {"qos", c->qos},
                    {"broker", c->brokerLabel},
                    {"reps", c->repetitions.size()},
                    {"rounds", count},
                    {"p50_us", s50.median},
                    {"p50_min_us", s50.min},
                    {"p50_max_us", s50.max},
                    {"p90_us", s90.median},
                    {"p99_us", s99.median},
                    {"p99_min_us", s99.min},
                    {"p99_max_us", s99.max},
                    {"lost", c->lost},
                    {"ratio_p50_vs_raw", vsRaw}});
        table.addRow({bench::toString(c->flavour), std::to_string(c->qos), c->brokerLabel, std::to_string(count),
                      bench::withRange(s50.median, s50.min, s50.max), bench::fixed(s90.median),
                      bench::withRange(s99.median, s99.min, s99.max), std::to_string(c->lost),
                      bench::fixed(vsRaw, 2)});
    }
    std::cout << "\nRound trips A -> B -> A, " << payloadBytes << "-byte messages, median of " << common.repetitions
              << " repetitions (range over repetitions)\n";
    table.print(std::cout);
    return 0;
}
