#include "Endpoints.hpp"

#include "RawClient.hpp"

#include <mqttgames/mqtt/GameClient.hpp>
#include <mqttgames/mqtt/MQTTClient.hpp>

#include <condition_variable>
#include <mutex>
#include <stdexcept>

namespace bench
{
namespace
{

std::string inTopic(const PairPlan& plan, Side side)
{
    return plan.topic + (side == Side::A ? "/a" : "/b");
}

std::string outTopic(const PairPlan& plan, Side side)
{
    return inTopic(plan, side == Side::A ? Side::B : Side::A);
}

class RawEndpoint : public Endpoint
{
public:
    RawEndpoint(const PairPlan& plan, Side side, Delivery onMessage) :
    m_client(std::move(onMessage)),
    m_topic(outTopic(plan, side)),
    m_qos(plan.qos)
    {
        m_client.connect(plan.host, plan.port);
        m_client.subscribe(inTopic(plan, side), plan.qos);
    }

    bool send(const std::string& payload) override { return m_client.publish(m_topic, payload, m_qos); }
    bool waitReady(std::chrono::milliseconds) override { return true; }

private:
    RawClient m_client;
    std::string m_topic;
    int m_qos;
};

class ClientEndpoint : public Endpoint
{
public:
    ClientEndpoint(const PairPlan& plan, Side side, Delivery onMessage) :
    m_client([onMessage = std::move(onMessage)](const std::string&, const std::string& payload) { onMessage(payload); }),
    m_topic(outTopic(plan, side)),
    m_qos(plan.qos)
    {
        if (!m_client.connect(plan.host, plan.port) || !m_client.subscribe(inTopic(plan, side), plan.qos))
            throw std::runtime_error("mqttclient: " + m_client.getLastError());
    }

    bool send(const std::string& payload) override { return m_client.publish(m_topic, payload, m_qos); }
    bool waitReady(std::chrono::milliseconds) override { return true; }

private:
    mqtt::MQTTClient m_client;
    std::string m_topic;
    int m_qos;
};

class GameEndpoint : public Endpoint
{
public:
    GameEndpoint(const PairPlan& plan, Side side, Delivery onMessage) :
    m_client([this](mqtt::GameState state) { changeState(state); }, std::move(onMessage), plan.topic)
    {
        if (plan.qos != 0)
            throw std::runtime_error("gameclient: only qos 0 is available");
        m_client.setName(side == Side::A ? "A" : "B");
        if (!m_client.connect(plan.host, plan.port))
            throw std::runtime_error("gameclient: " + m_client.getLastError());
    }

    bool send(const std::string& payload) override { return m_client.sendMessage(payload); }

    bool waitReady(std::chrono::milliseconds timeout) override
    {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout, [this] { return m_state == mqtt::GameState::Ready; });
    }

private:
    // GameClient thread (network, or the caller of connect()): remembered for waitReady().
    void changeState(mqtt::GameState state)
    {
        {
            std::lock_guard lock(m_mutex);
            m_state = state;
        }
        m_changed.notify_all();
    }

    std::mutex m_mutex;
    std::condition_variable m_changed;
    mqtt::GameState m_state = mqtt::GameState::Idle;
    mqtt::GameClient m_client; // last: destroyed first, while the members its callback uses live
};

} // namespace

std::unique_ptr<Endpoint> connectSide(Flavour flavour, const PairPlan& plan, Side side, Delivery onMessage)
{
    switch (flavour)
    {
        case Flavour::Raw: return std::make_unique<RawEndpoint>(plan, side, std::move(onMessage));
        case Flavour::Client: return std::make_unique<ClientEndpoint>(plan, side, std::move(onMessage));
        case Flavour::Game: return std::make_unique<GameEndpoint>(plan, side, std::move(onMessage));
    }
    throw std::logic_error("unknown flavour");
}

EndpointPair connectPair(Flavour flavour, const PairPlan& plan, Delivery onA, Delivery onB)
{
    EndpointPair pair;
    pair.b = connectSide(flavour, plan, Side::B, std::move(onB));
    pair.a = connectSide(flavour, plan, Side::A, std::move(onA));
    constexpr std::chrono::seconds PairingTimeout{10};
    if (!pair.a->waitReady(PairingTimeout) || !pair.b->waitReady(PairingTimeout))
        throw std::runtime_error(std::string(toString(flavour)) + ": the pair on '" + plan.topic + "' did not pair");
    return pair;
}

} // namespace bench
