#include "ProcessInfo.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace bench
{
namespace
{

std::string procPath(pid_t pid, const char* file)
{
    return pid == 0 ? std::string("/proc/self/") + file : "/proc/" + std::to_string(pid) + "/" + file;
}

double seconds(const timeval& time)
{
    return static_cast<double>(time.tv_sec) + static_cast<double>(time.tv_usec) / 1e6;
}

} // namespace

long statusField(const std::string& name, pid_t pid)
{
    std::ifstream status(procPath(pid, "status"));
    const std::string prefix = name + ":";
    std::string line;
    while (std::getline(status, line))
        if (line.compare(0, prefix.size(), prefix) == 0)
            return std::stol(line.substr(prefix.size()));
    return -1;
}

long residentKb()
{
    return statusField("VmRSS");
}

long threadCount()
{
    return statusField("Threads");
}

double cpuSeconds(pid_t pid)
{
    std::ifstream file(procPath(pid, "stat"));
    std::string text;
    std::getline(file, text);
    // The command name (field 2) may hold spaces; the fields after its closing ')' are plain.
    const auto close = text.rfind(')');
    if (close == std::string::npos)
        return -1;
    std::istringstream fields(text.substr(close + 2));
    std::string field;
    long utime = 0;
    long stime = 0;
    for (int index = 3; fields >> field; ++index)
    {
        if (index == 14)
            utime = std::stol(field);
        else if (index == 15)
        {
            stime = std::stol(field);
            return static_cast<double>(utime + stime) / static_cast<double>(sysconf(_SC_CLK_TCK));
        }
    }
    return -1;
}
long voluntarySwitches(pid_t pid)
{
    // /proc/<pid>/status counts the main thread only; each thread has its own under task/.
    std::error_code error;
    long total = 0;
    bool any = false;
    for (const auto& task : std::filesystem::directory_iterator(procPath(pid, "task"), error))
    {
        std::ifstream status(task.path() / "status");
        const std::string prefix = "voluntary_ctxt_switches:";
        std::string line;
        while (std::getline(status, line))
            if (line.compare(0, prefix.size(), prefix) == 0)
            {
                total += std::stol(line.substr(prefix.size()));
                any = true;
            }
    }
    return any ? total : -1;
}

Usage selfUsage()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return {seconds(usage.ru_utime) + seconds(usage.ru_stime), usage.ru_nvcsw, usage.ru_nivcsw};
}

long raiseFileLimit()
{
    rlimit limit{};
    getrlimit(RLIMIT_NOFILE, &limit);
    if (limit.rlim_cur < limit.rlim_max)
    {
        limit.rlim_cur = limit.rlim_max;
        setrlimit(RLIMIT_NOFILE, &limit);
        getrlimit(RLIMIT_NOFILE, &limit);
    }
    return static_cast<long>(limit.rlim_cur);
}

} // namespace bench
