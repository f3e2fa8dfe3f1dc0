#pragma once

#include <nlohmann/json.hpp>

#include <iosfwd>
#include <string>
#include <vector>

namespace bench
{

/// Prints one measurement as one JSON line on stdout, flushed at once so that a benchmark cut
/// short still leaves what it measured. Every line carries "bench": the program's short name.
class JsonLines
{
public:
    explicit JsonLines(std::string bench);

    void print(nlohmann::json fields) const;

private:
    std::string m_bench;
};

/// A table for people: columns padded to their widest cell, printed after the JSON lines.
class Table
{
public:
    explicit Table(std::vector<std::string> headers);

    void addRow(std::vector<std::string> cells);
    void print(std::ostream& out) const;

private:
    std::vector<std::vector<std::string>> m_rows; // the headers first
};

/// A number with a fixed count of decimals.
std::string fixed(double value, int decimals = 1);
/// "median (min-max)": a repeated figure with its spread.
std::string withRange(double median, double min, double max, int decimals = 1);

} // namespace bench
