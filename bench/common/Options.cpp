#include "Options.hpp"

namespace bench
{

void addCommonOptions(CLI::App& app, CommonOptions& options)
{
    app.add_flag("--quick", options.quick, "Tiny sizes, for CI (the whole program well under 20 s)");
    app.add_option("--reps", options.repetitions, "Repetitions of each case")->check(CLI::Range(1, 100));
    app.add_option("--max-seconds", options.maxSeconds, "Upper bound of one run of one case")->check(CLI::PositiveNumber);
}

std::chrono::steady_clock::time_point deadlineAfter(double seconds)
{
    return std::chrono::steady_clock::now() +
           std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
}

} // namespace bench
