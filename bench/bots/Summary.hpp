#pragma once

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

namespace bench
{

/// Mean, median and 90th percentile (nearest rank) of a sample.
struct Summary
{
    double mean = 0;
    double median = 0;
    double p90 = 0;
    double min = 0;
    double max = 0;
};

inline Summary summarize(std::vector<double> values)
{
    Summary summary;
    if (values.empty())
        return summary;
    std::ranges::sort(values);
    const auto rank = [&](double fraction)
    {
        const auto index = static_cast<std::size_t>(std::ceil(fraction * values.size()));
        return values[std::clamp<std::size_t>(index, 1, values.size()) - 1];
    };
    summary.mean = std::accumulate(values.begin(), values.end(), 0.0) / values.size();
    summary.median = values.size() % 2 ? values[values.size() / 2]
                                       : (values[values.size() / 2 - 1] + values[values.size() / 2]) / 2;
    summary.p90 = rank(0.9);
    summary.min = values.front();
    summary.max = values.back();
    return summary;
}

} // namespace bench
