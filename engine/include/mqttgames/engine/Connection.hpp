#pragma once

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include <mqttgames/mqtt/EventQueue.hpp>
#include <mqttgames/mqtt/GameClient.hpp>

namespace engine
{

class Session;

/// Owns the GameClient of a session. Connecting runs on a thread of its own, so the frame never waits
/// for a broker; every client callback is posted to the queue and reaches the session on the thread
/// that drains it (the main loop). Main thread only, except where noted.
class Connection
{
public:
    struct Settings
    {
        std::string host = "127.0.0.1";
        int port = 1883;
        std::string topic;
        std::string name;
        std::chrono::milliseconds connectTimeout{3000};
        bool verbose = false;
    };

    /// `session` is borrowed and must outlive the connection.
    Connection(mqtt::EventQueue queue, Session& session, Settings settings);
    /// Leaves (telling the partner) and joins the connecting thread.
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    /// Starts connecting in the background; the session hears how it goes.
    void start();
    /// Sends a text to the partner. Any thread.
    bool send(const std::string& text);
    /// After the partner left: waits for a new one.
    bool lookForPartner();
    const Settings& settings() const { return m_settings; }

private:
    void onState(mqtt::GameState state);

    mqtt::EventQueue m_queue;
    Session* m_session;
    Settings m_settings;
    std::shared_ptr<int> m_alive = std::make_shared<int>(0);
    std::unique_ptr<mqtt::GameClient> m_client;
    std::thread m_connectThread;
};

} // namespace engine
