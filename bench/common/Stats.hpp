#pragma once

#include <cstddef>
#include <vector>

namespace bench
{

/// Percentiles of one set of samples (nearest rank); all 0 for an empty set.
struct Percentiles
{
    double p10 = 0;
    double p50 = 0;
    double p90 = 0;
    double p99 = 0;
    double max = 0;
    std::size_t count = 0;
};

/// Sorts the samples once and reads the percentiles off them.
Percentiles percentiles(std::vector<double> samples);

/// The median of several repetitions' figures, and their range: how far one noisy run can be off.
struct Spread
{
    double median = 0;
    double min = 0;
    double max = 0;
};

Spread spread(std::vector<double> values);

/// a / b, or 0 when b is 0 (a ratio of a run that measured nothing).
double ratio(double a, double b);

} // namespace bench
