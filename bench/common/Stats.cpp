#include "Stats.hpp"

#include <algorithm>
#include <cmath>

namespace bench
{
namespace
{

double nearestRank(const std::vector<double>& sorted, double percent)
{
    if (sorted.empty())
        return 0;
    const auto rank = static_cast<std::size_t>(std::ceil(percent / 100.0 * static_cast<double>(sorted.size())));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

} // namespace

Percentiles percentiles(std::vector<double> samples)
{
    std::sort(samples.begin(), samples.end());
    Percentiles result;
    result.count = samples.size();
    result.p10 = nearestRank(samples, 10);
    result.p50 = nearestRank(samples, 50);
    result.p90 = nearestRank(samples, 90);
    result.p99 = nearestRank(samples, 99);
    result.max = samples.empty() ? 0 : samples.back();
    return result;
}

Spread spread(std::vector<double> values)
{
    if (values.empty())
        return {};
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    // An even count takes the mean of the middle two, so two repetitions give their average.
    const double median = n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    return {median, values.front(), values.back()};
}

double ratio(double a, double b)
{
    return b == 0 ? 0 : a / b;
}

} // namespace bench
