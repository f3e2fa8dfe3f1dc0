// Throughput: A sends a burst of numbered messages as fast as it can; B's consumer counts what
// arrives. Ours (GameClient, MQTTClient, consumer on an mqtt::EventQueue) against raw libmosquitto
// (consumer on a condition variable), against one private mosquitto, in the same run.

#include "Endpoints.hpp"
#include "Options.hpp"
#include "Payload.hpp"
#include "Report.hpp"
#include "Stats.hpp"

#include <mqttgames/mqtt/LoopbackBroker.hpp>

#include <iostream>
#include <map>
#include <thread>

namespace
{

using Clock = std::chrono::steady_clock;
using bench::Flavour;

struct Burst
{
    double receivedPerSecond = 0;
    double sentPerSecond = 0;
    std::size_t received = 0;
    std::size_t duplicates = 0;
};

// One client flavour at one qos against one broker, connected once and measured repeatedly.
struct Case
{
    Case(Flavour flavourOf, int qosOf, std::string brokerName, const mqtt::LoopbackBroker& broker, int index) :
    flavour(flavourOf),
    qos(qosOf),
    brokerLabel(std::move(brokerName)),
    inboxA(bench::makeInbox(flavour)),
    inboxB(bench::makeInbox(flavour)),
    pair(bench::connectPair(flavour, {broker.host(), broker.port(), "bench/throughput/" + std::to_string(index), qos},
                            inboxA->delivery(), inboxB->delivery()))
    {
    }

    Flavour flavour;
    int qos;
    std::string brokerLabel;
    std::unique_ptr<bench::Inbox> inboxA;
    std::unique_ptr<bench::Inbox> inboxB;
    bench::EndpointPair pair;
    std::uint64_t nextNumber = 0;
    std::vector<Burst> repetitions;
    std::size_t lost = 0;
};

// Sends `count` messages from A; B's consumer counts them until all came, nothing came for
// `idleTimeout`, or the deadline passed. Messages of an earlier burst that arrive late are ignored.
Burst measureBurst(Case& c, std::size_t count, std::size_t payloadBytes, std::chrono::milliseconds idleTimeout,
                   Clock::time_point deadline)
{
    const std::uint64_t first = c.nextNumber;
    c.nextNumber += count;
    std::vector<std::string> payloads;
    payloads.reserve(count);
    for (std::size_t i = 0; i < count; ++i)
        payloads.push_back(bench::makePayload(first + i, payloadBytes));

    Burst burst;
    Clock::time_point lastArrival;
    const auto start = Clock::now();
    std::thread consumer(
        [&]
        {
            std::vector<bool> seen(count, false);
            while (burst.received < count && Clock::now() < deadline)
            {
                const auto payload = c.inboxB->pop(idleTimeout);
                if (!payload)
                    break;
                const auto number = bench::payloadNumber(*payload);
                if (!number || *number < first || *number >= first + count)
                    continue;
                if (seen[*number - first])
                    ++burst.duplicates;
                else
                {
                    seen[*number - first] = true;
                    ++burst.received;
                }
                lastArrival = Clock::now();
            }
        });
    std::size_t sent = 0;
    for (const auto& payload : payloads)
        sent += c.pair.a->send(payload) ? 1 : 0;
    const auto sendEnd = Clock::now();
    consumer.join();

    burst.sentPerSecond = static_cast<double>(sent) / std::chrono::duration<double>(sendEnd - start).count();
    if (burst.received > 0)
        burst.receivedPerSecond =
            static_cast<double>(burst.received) / std::chrono::duration<double>(lastArrival - start).count();
    c.lost += count - burst.received;
    return burst;
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"Throughput: GameClient and MQTTClient against raw libmosquitto"};
    bench::CommonOptions common;
    std::size_t messagesQos0 = 100000;
    std::size_t messagesQos1 = 20000;
    std::size_t payloadBytes = 60;
    int idleMs = 2000;
    bench::addCommonOptions(app, common);
    app.add_option("--messages-qos0", messagesQos0, "Messages per burst at qos 0");
    app.add_option("--messages-qos1", messagesQos1, "Messages per burst at qos 1");
    app.add_option("--payload-bytes", payloadBytes, "Size of each message");
    app.add_option("--idle-ms", idleMs, "A burst ends when nothing arrived for this long (the rest is lost)");
    CLI11_PARSE(app, argc, argv);
    if (common.quick)
    {
        messagesQos0 = messagesQos1 = 2000;
        common.repetitions = std::min(common.repetitions, 3);
        common.maxSeconds = std::min(common.maxSeconds, 3.0);
        idleMs = std::min(idleMs, 500);
    }

    mqtt::LoopbackBroker broker;
    // mosquitto's default queue limit (1000 messages per client beyond those in flight), which
    // drops even qos 1 messages for a subscriber that falls behind. A later line overrides ours.
    mqtt::LoopbackBroker defaultQueueBroker(mqtt::LoopbackBroker::Options{{}, {"max_queued_messages 1000"}});

    std::vector<std::unique_ptr<Case>> cases;
    int index = 0;
    for (int qos : {0, 1})
        for (Flavour flavour : {Flavour::Raw, Flavour::Client, Flavour::Game})
            if (qos == 0 || flavour != Flavour::Game) // GameClient sends at qos 0 only
                cases.push_back(std::make_unique<Case>(flavour, qos, "unlimited", broker, index++));
    for (Flavour flavour : {Flavour::Raw, Flavour::Client})
        cases.push_back(std::make_unique<Case>(flavour, 1, "queue1000", defaultQueueBroker, index++));

    const auto idleTimeout = std::chrono::milliseconds(idleMs);
    for (auto& c : cases)
    {
        measureBurst(*c, 500, payloadBytes, idleTimeout, bench::deadlineAfter(common.maxSeconds));
        c->lost = 0;
    }
    // Interleaved and rotated, so that a noisy moment of a shared machine hurts every case alike.
    for (int rep = 0; rep < common.repetitions; ++rep)
        for (std::size_t i = 0; i < cases.size(); ++i)
        {
            Case& c = *cases[(i + static_cast<std::size_t>(rep)) % cases.size()];
            const std::size_t count = c.qos == 0 ? messagesQos0 : messagesQos1;
            c.repetitions.push_back(
                measureBurst(c, count, payloadBytes, idleTimeout, bench::deadlineAfter(common.maxSeconds)));
        }

    const bench::JsonLines json("throughput");
    bench::Table table({"case", "qos", "broker", "messages", "received/s (min-max)", "sent/s", "lost", "dup",
                        "recv / raw"});
    std::map<std::pair<int, std::string>, double> rawRate;
    for (const auto& c : cases)
    {
        std::vector<double> received, sent;
        std::size_t duplicates = 0;
        for (const auto& r : c->repetitions)
        {
            received.push_back(r.receivedPerSecond);
            sent.push_back(r.sentPerSecond);
            duplicates += r.duplicates;
        }
        const auto sr = bench::spread(received);
        const auto ss = bench::spread(sent);
        if (c->flavour == Flavour::Raw)
            rawRate[{c->qos, c->brokerLabel}] = sr.median;
        const double vsRaw = bench::ratio(sr.median, rawRate[{c->qos, c->brokerLabel}]);
        const std::size_t perBurst = c->qos == 0 ? messagesQos0 : messagesQos1;
        const std::size_t total = perBurst * c->repetitions.size();
        json.print({{"case", bench::toString(c->flavour)},
                    {"qos", c->qos},
                    {"broker", c->brokerLabel},
                    {"reps", c->repetitions.size()},
                    {"messages", total},
                    {"received_per_s", sr.median},
                    {"received_per_s_min", sr.min},
                    {"received_per_s_max", sr.max},
                    {"sent_per_s", ss.median},
                    {"lost", c->lost},
                    {"duplicates", duplicates},
                    {"ratio_vs_raw", vsRaw}});
        table.addRow({bench::toString(c->flavour), std::to_string(c->qos), c->brokerLabel, std::to_string(total),
                      bench::withRange(sr.median, sr.min, sr.max, 0), bench::fixed(ss.median, 0),
                      std::to_string(c->lost), std::to_string(duplicates), bench::fixed(vsRaw, 2)});
    }
    std::cout << "\nBursts A -> B, " << payloadBytes << "-byte messages, median of " << common.repetitions
              << " repetitions (range over repetitions); lost counted over all of them\n";
    table.print(std::cout);
    return 0;
}
