#pragma once

#include <string>
#include <sys/types.h>

namespace bench
{

/// A numeric field of /proc/<pid>/status ("VmRSS" in kB, "Threads"); -1 when missing.
/// pid 0 means this process.
long statusField(const std::string& name, pid_t pid = 0);

/// Resident memory of this process, in kB.
long residentKb();
/// Threads of this process.
long threadCount();

/// CPU seconds (user + system) a process has used so far, from /proc/<pid>/stat; -1 when unknown.
double cpuSeconds(pid_t pid);

/// Voluntary context switches (wakeups after waiting) of a process's living threads, summed from
/// /proc/<pid>/task/*/status; -1 when unknown.
long voluntarySwitches(pid_t pid);

/// This process's CPU time and context switches, summed over all its threads (ended ones too).
struct Usage
{
    double cpuSeconds = 0;
    long voluntarySwitches = 0;
    long involuntarySwitches = 0;
};

Usage selfUsage();

/// Raises the soft limit on open files to the hard limit (children such as the broker inherit it);
/// returns the new soft limit.
long raiseFileLimit();

} // namespace bench
