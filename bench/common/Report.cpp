#include "Report.hpp"

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <utility>

namespace bench
{

JsonLines::JsonLines(std::string bench) : m_bench(std::move(bench))
{
}

void JsonLines::print(nlohmann::json fields) const
{
    nlohmann::json line = {{"bench", m_bench}};
    line.update(fields);
    std::cout << line.dump() << std::endl;
}

Table::Table(std::vector<std::string> headers)
{
    m_rows.push_back(std::move(headers));
}

void Table::addRow(std::vector<std::string> cells)
{
    cells.resize(m_rows.front().size());
    m_rows.push_back(std::move(cells));
}

void Table::print(std::ostream& out) const
{
    std::vector<std::size_t> widths(m_rows.front().size(), 0);
    for (const auto& row : m_rows)
        for (std::size_t i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    auto printRow = [&](const std::vector<std::string>& row)
    {
        for (std::size_t i = 0; i < row.size(); ++i)
            out << (i ? "  " : "") << row[i] << std::string(widths[i] - row[i].size(), ' ');
        out << '\n';
    };
    printRow(m_rows.front());
    std::size_t total = 0;
    for (std::size_t width : widths)
        total += width + 2;
    out << std::string(total - 2, '-') << '\n';
    for (std::size_t i = 1; i < m_rows.size(); ++i)
        printRow(m_rows[i]);
    out.flush();
}

std::string fixed(double value, int decimals)
{
    char text[64];
    std::snprintf(text, sizeof text, "%.*f", decimals, value);
    return text;
}

std::string withRange(double median, double min, double max, int decimals)
{
    return fixed(median, decimals) + " (" + fixed(min, decimals) + "-" + fixed(max, decimals) + ")";
}

} // namespace bench
