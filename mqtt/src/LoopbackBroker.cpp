#include <mqttgames/mqtt/LoopbackBroker.hpp>

#include "FileDescriptor.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>
#include <stdexcept>

extern char** environ;

namespace mqtt
{
namespace
{

using Clock = std::chrono::steady_clock;

using Socket = detail::FileDescriptor;

sockaddr_in loopbackAddress(int port)
{
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<std::uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    return address;
}

std::string readFile(const std::filesystem::path& path)
{
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

// Adds a login to the password file with mosquitto_passwd, which hashes it (PBKDF2-SHA512) in place;
// run synchronously. The password goes to the tool's standard input, typed twice as its prompt asks,
// never on its command line, where any user of the machine could read it (/proc/PID/cmdline).
// (Not "-U" on a plain-text file: it cuts a password at its first ':'.)
void addUser(const std::filesystem::path& file, const std::string& user, const std::string& password)
{
    if (password.find_first_of(std::string("\n\0", 2)) != std::string::npos)
        throw std::invalid_argument("LoopbackBroker: the password of user '" + user + "' holds a line break or a NUL");
    std::filesystem::path tool = LoopbackBroker::executable().parent_path().parent_path() / "bin/mosquitto_passwd";
    if (!std::filesystem::exists(tool))
        tool = "/usr/bin/mosquitto_passwd";
    // A socket rather than a pipe, so that a tool that exits before reading cannot end us with SIGPIPE.
    int ends[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, ends) != 0)
        throw std::runtime_error(std::string("LoopbackBroker: cannot make a socket pair: ") + std::strerror(errno));
    Socket ours(ends[0]);
    Socket theirs(ends[1]);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_adddup2(&actions, theirs.get(), STDIN_FILENO);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0); // its prompts
    posix_spawn_file_actions_addclosefrom_np(&actions, 3); // none of our sockets
    const std::string fileText = file.string();
    const char* argv[] = {tool.c_str(), fileText.c_str(), user.c_str(), nullptr};
    pid_t pid = -1;
    const int spawned = posix_spawn(&pid, tool.c_str(), &actions, nullptr, const_cast<char**>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        throw std::runtime_error("LoopbackBroker: cannot run " + tool.string());
    theirs.reset();

    const std::string typed = password + "\n" + password + "\n"; // "Password:", "Reenter password:"
    for (std::size_t sent = 0; sent < typed.size();)
    {
        const auto n = ::send(ours.get(), typed.data() + sent, typed.size() - sent, MSG_NOSIGNAL);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break; // the tool is gone: its exit status says why
        sent += static_cast<std::size_t>(n);
    }
    ours.reset();
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        continue; // interrupted by a signal handler: wait on
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error("LoopbackBroker: mosquitto_passwd failed for user '" + user + "'");
}

} // namespace

LoopbackBroker::LoopbackBroker() : LoopbackBroker(Options{})
{
}

LoopbackBroker::LoopbackBroker(Options options) : m_options(std::move(options))
{
    char pattern[] = "/tmp/mqttgames-broker-XXXXXX";
    if (!mkdtemp(pattern))
        throw std::runtime_error(std::string("LoopbackBroker: cannot make a temporary folder: ") + std::strerror(errno));
    m_dir = pattern;
    m_port = m_options.port;
    try
    {
        if (!m_options.users.empty())
        {
            const auto passwords = m_dir / "passwords";
            std::ofstream(passwords).close();
            for (const auto& [user, password] : m_options.users)
                addUser(passwords, user, password);
        }
        start();
    }
    catch (...)
    {
        std::error_code ignored;
        std::filesystem::remove_all(m_dir, ignored);
        throw;
    }
}

LoopbackBroker::~LoopbackBroker()
{
    stop();
    std::error_code ignored;
    std::filesystem::remove_all(m_dir, ignored);
}

void LoopbackBroker::writeConfig()
{
    std::ofstream config(m_dir / "mosquitto.conf");
    config << "listener " << m_port << " " << m_host << "\n";
    if (m_options.users.empty())
        config << "allow_anonymous true\n";
    else
        config << "allow_anonymous false\npassword_file " << (m_dir / "passwords").string() << "\n";
    // Small messages must not wait for Nagle's algorithm; a slow subscriber must not lose qos 1/2
    // messages. (Not "max_queued_messages 0", no limit: with it mosquitto 2.0.11 closes the
    // connection of an MQTT 5 client whose publication it refuses, too large or outside its ACL.)
    config << "set_tcp_nodelay true\nmax_queued_messages 1000000\npersistence false\n";
    config << "message_size_limit " << m_options.messageSizeLimit << "\n";
    config << "log_dest file " << (m_dir / "mosquitto.log").string() << "\n";
    // "information" for the line that says it runs, which start() waits for.
    config << "log_type error\nlog_type warning\nlog_type notice\nlog_type information\n";
    if (geteuid() == 0)
        config << "user root\n"; // else it drops to user 'mosquitto', who cannot read our private folder
    for (const auto& line : m_options.extraConfig)
        config << line << "\n";
}

void LoopbackBroker::start()
{
    if (isRunning())
        return;
    const auto executablePath = executable();
    const bool choosePort = m_options.port == 0;
    std::string lastFailure;
    // A chosen free port can be taken by someone else before mosquitto binds it: try a few.
    for (int attempt = 0; attempt < 5; ++attempt)
    {
        if (choosePort && (attempt > 0 || m_port == 0))
            m_port = freePort();
        writeConfig();
        const auto log = m_dir / "mosquitto.log";
        const std::size_t logBefore = readFile(log).size(); // mosquitto appends to it
        const std::string configPath = (m_dir / "mosquitto.conf").string();
        const char* argv[] = {executablePath.c_str(), "-c", configPath.c_str(), nullptr};

        const std::string stderrPath = (m_dir / "stderr.log").string();
        const pid_t parent = ::getpid();
        // The broker starts with no blocked signals, whatever this thread blocks (a signal-watching
        // launcher blocks SIGTERM in every thread): else our SIGTERM and the death signal never arrive.
        sigset_t unblocked;
        sigemptyset(&unblocked);
        // fork + exec rather than posix_spawn, to ask the kernel to stop the broker when this
        // process dies: a killed test must not leave a mosquitto behind. Only async-signal-safe
        // calls between fork and exec.
        const pid_t pid = ::fork();
        if (pid < 0)
            throw std::runtime_error(std::string("LoopbackBroker: cannot start a process: ") + std::strerror(errno));
        if (pid == 0)
        {
            ::sigprocmask(SIG_SETMASK, &unblocked, nullptr);
            for (const int stopSignal : {SIGTERM, SIGINT, SIGHUP})
                ::signal(stopSignal, SIG_DFL);
            // SIGKILL: nothing of a private broker is worth saving once its owner is gone.
            ::prctl(PR_SET_PDEATHSIG, SIGKILL);
            if (::getppid() != parent)
                ::_exit(127); // the parent died before prctl took effect
            const int devNull = ::open("/dev/null", O_RDWR);
            const int errors = ::open(stderrPath.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
            ::dup2(devNull, STDIN_FILENO);
            ::dup2(devNull, STDOUT_FILENO);
            ::dup2(errors, STDERR_FILENO);
            ::close_range(3, ~0U, 0); // the broker must not hold copies of our clients' sockets
            ::execv(executablePath.c_str(), const_cast<char**>(argv));
            ::_exit(127);
        }
        m_pid = pid;

        // Poll until the broker says it runs and the port answers, or the broker exits; never a
        // fixed sleep. The port alone is not enough: someone else may have taken it meanwhile (then
        // our mosquitto exits), and would answer. mosquitto binds every listener (an extra one of
        // the options' too) before it logs that it runs, and exits when one cannot be bound.
        const auto deadline = Clock::now() + m_options.startTimeout;
        while (Clock::now() < deadline)
        {
            int status = 0;
            if (waitpid(m_pid, &status, WNOHANG) == m_pid)
            {
                m_pid = -1;
                break;
            }
            const std::string said = readFile(log);
            const bool running = said.find(" running\n", said.size() < logBefore ? 0 : logBefore) != std::string::npos;
            if (running && portAnswers(m_host, m_port, std::chrono::milliseconds(100)))
                return;
            // The broker is starting: wait on its exit for a moment instead of spinning.
            pollfd none{-1, 0, 0};
            ::poll(&none, 0, 5);
        }
        lastFailure = readFile(m_dir / "stderr.log") + readFile(m_dir / "mosquitto.log");
        stop();
        if (!choosePort)
            break;
    }
    throw std::runtime_error("LoopbackBroker: mosquitto did not start on " + m_host + ":" + std::to_string(m_port) +
                             (lastFailure.empty() ? "" : ": " + lastFailure));
}

void LoopbackBroker::stop()
{
    if (m_pid <= 0)
        return;
    ::kill(m_pid, SIGTERM);
    const auto deadline = Clock::now() + std::chrono::seconds(5);
    int status = 0;
    while (waitpid(m_pid, &status, WNOHANG) == 0)
    {
        if (Clock::now() > deadline)
        {
            ::kill(m_pid, SIGKILL);
            waitpid(m_pid, &status, 0);
            break;
        }
        pollfd none{-1, 0, 0};
        ::poll(&none, 0, 5);
    }
    m_pid = -1;
}

std::filesystem::path LoopbackBroker::executable()
{
    if (const char* path = std::getenv("PATH"))
    {
        std::stringstream folders(path);
        std::string folder;
        while (std::getline(folders, folder, ':'))
        {
            const auto candidate = std::filesystem::path(folder) / "mosquitto";
            if (!folder.empty() && ::access(candidate.c_str(), X_OK) == 0)
                return candidate;
        }
    }
    for (const char* candidate : {"/usr/sbin/mosquitto", "/usr/local/sbin/mosquitto"})
        if (::access(candidate, X_OK) == 0)
            return candidate;
    throw std::runtime_error("LoopbackBroker: no mosquitto executable found (install the 'mosquitto' package)");
}

int LoopbackBroker::freePort()
{
    Socket socket(::socket(AF_INET, SOCK_STREAM, 0));
    sockaddr_in address = loopbackAddress(0);
    if (socket.get() < 0 || ::bind(socket.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) != 0)
        throw std::runtime_error(std::string("LoopbackBroker: cannot find a free port: ") + std::strerror(errno));
    socklen_t length = sizeof address;
    getsockname(socket.get(), reinterpret_cast<sockaddr*>(&address), &length);
    return ntohs(address.sin_port);
}

bool LoopbackBroker::portAnswers(const std::string& host, int port, std::chrono::milliseconds timeout)
{
    Socket socket(::socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0));
    sockaddr_in address = loopbackAddress(port);
    if (socket.get() < 0 || inet_pton(AF_INET, host.c_str(), &address.sin_addr) != 1)
        return false;
    if (::connect(socket.get(), reinterpret_cast<sockaddr*>(&address), sizeof address) == 0)
        return true;
    if (errno != EINPROGRESS)
        return false;
    pollfd writable{socket.get(), POLLOUT, 0};
    if (::poll(&writable, 1, static_cast<int>(timeout.count())) != 1)
        return false;
    int error = 0;
    socklen_t length = sizeof error;
    getsockopt(socket.get(), SOL_SOCKET, SO_ERROR, &error, &length);
    return error == 0;
}

} // namespace mqtt
