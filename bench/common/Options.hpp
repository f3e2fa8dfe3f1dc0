#pragma once

#include <CLI/CLI.hpp>

#include <chrono>

namespace bench
{

/// The options every network benchmark takes.
struct CommonOptions
{
    bool quick = false;     ///< tiny sizes, for CI
    int repetitions = 5;    ///< each case is measured this often; the median is reported
    double maxSeconds = 60; ///< no single run of a case goes on longer than this
};

/// Adds --quick, --reps and --max-seconds.
void addCommonOptions(CLI::App& app, CommonOptions& options);

/// The deadline of a run that starts now.
std::chrono::steady_clock::time_point deadlineAfter(double seconds);

} // namespace bench
