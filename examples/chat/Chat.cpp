// A terminal chat over GameClient: the smallest GameClient program.
// Each line on stdin goes to the partner; each event is one line on stdout:
//   STATE <NAME>   a GameClient state change (CONNECTING, CONNECTED, READY, DISCONNECTED, IDLE)
//   MSG <text>     a message from the partner (a newline in it is written as \n)
// It exits when stdin closes (after disconnecting) or when the partner leaves.
#include <mqttgames/mqtt/EventQueue.hpp>
#include <mqttgames/mqtt/GameClient.hpp>

#include <CLI/CLI.hpp>

#include <poll.h>
#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <string>

namespace
{

// A pipe that the network thread writes a byte to, so the main thread can wait on stdin and on the
// event queue at once.
class WakePipe
{
public:
    WakePipe()
    {
        if (::pipe(m_fds) != 0)
            throw std::runtime_error("cannot create a pipe");
    }
    ~WakePipe()
    {
        ::close(m_fds[0]);
        ::close(m_fds[1]);
    }
    void wake() const { [[maybe_unused]] auto n = ::write(m_fds[1], "x", 1); }
    void clear() const
    {
        char buffer[256];
        [[maybe_unused]] auto n = ::read(m_fds[0], buffer, sizeof buffer);
    }
    int fd() const { return m_fds[0]; }

private:
    int m_fds[2] = {-1, -1};
};

void printLine(const std::string& line)
{
    std::fwrite(line.data(), 1, line.size(), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

std::string escapeNewlines(const std::string& text)
{
    std::string out;
    for (char c : text)
        out += c == '\n' ? std::string("\\n") : std::string(1, c);
    return out;
}

} // namespace

int main(int argc, char** argv)
{
    CLI::App app{"Chat with a partner through an MQTT broker, over GameClient"};
    std::string host = "localhost";
    int port = 1883;
    std::string topic = mqtt::GameClient::DefaultTopic;
    std::string name = "Player";
    std::string username, password, roomPassword;
    mqtt::TlsOptions tls;
    int keepalive = 60;
    bool verbose = false;
    app.add_option("--host", host, "broker host")->capture_default_str();
    app.add_option("--port", port, "broker port")->capture_default_str();
    app.add_option("--topic", topic, "topic shared with the partner")->capture_default_str();
    app.add_option("--name", name, "your name, shown to the partner")->capture_default_str();
    app.add_option("--username", username, "login at the broker");
    app.add_option("--password", password, "password at the broker");
    app.add_option("--room-password", roomPassword, "pair only with a partner who gives the same one")
        ->envname("MQTTGAMES_ROOM_PASSWORD");
    app.add_option("--cafile", tls.caFile, "CA certificate (PEM): connect with TLS");
    app.add_option("--keepalive", keepalive, "seconds between pings (at least 5)")->capture_default_str();
    app.add_flag("-v,--verbose", verbose, "log to stderr");
    CLI11_PARSE(app, argc, argv);

    mqtt::EventQueue queue;
    WakePipe wakePipe;
    bool partnerLeft = false;
    mqtt::GameClient client(
        [&](mqtt::GameState state)
        {
            queue.push([&, state] {
                printLine(std::string("STATE ") + mqtt::toString(state));
                partnerLeft = partnerLeft || state == mqtt::GameState::Disconnected;
            });
            wakePipe.wake();
        },
        [&](const std::string& text)
        {
            queue.push([text] { printLine("MSG " + escapeNewlines(text)); });
            wakePipe.wake();
        },
        topic);
    client.setName(name);
    client.setVerbose(verbose);
    client.setKeepalive(keepalive);
    client.setCredentials(username, password);
    client.setTls(tls);
    client.setRoomPassword(roomPassword);

    if (!client.connect(host, port))
    {
        queue.drain();
        std::cerr << "mqttgames-chat: " << client.getLastError() << "\n";
        return 1;
    }

    std::string pending;
    for (;;)
    {
        queue.drain();
        if (partnerLeft)
            break;
        pollfd fds[2] = {{STDIN_FILENO, POLLIN, 0}, {wakePipe.fd(), POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0)
            continue;
        if (fds[1].revents & POLLIN)
            wakePipe.clear();
        if (!(fds[0].revents & (POLLIN | POLLHUP)))
            continue;
        char buffer[4096];
        const auto n = ::read(STDIN_FILENO, buffer, sizeof buffer);
        if (n <= 0)
        {
            if (!pending.empty())
                client.sendMessage(pending); // a last line without a newline
            break; // stdin closed
        }
        pending.append(buffer, static_cast<std::size_t>(n));
        for (auto newline = pending.find('\n'); newline != std::string::npos; newline = pending.find('\n'))
        {
            const std::string line = pending.substr(0, newline);
            pending.erase(0, newline + 1);
            if (!client.sendMessage(line))
                std::cerr << "mqttgames-chat: not sent: " << client.getLastError() << "\n";
        }
    }
    client.disconnect();
    queue.drain();
    return 0;
}
