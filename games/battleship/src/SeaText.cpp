#include "SeaText.hpp"

namespace battleship
{

std::string foundRow(const TargetSea& sea, const std::optional<Fleet>& revealed, int row)
{
    std::string line;
    for (int column = 0; column < SeaSize; ++column)
    {
        const Coord cell{column, row};
        constexpr char Marks[] = {'.', 'o', 'x', '#'};
        char mark = Marks[static_cast<int>(sea.at(cell))];
        if (mark == '.' && revealed)
            if (const auto ship = revealed->shipAt(cell))
                mark = static_cast<char>('0' + revealed->ships()[*ship].length);
        line += ' ';
        line += mark;
    }
    return line;
}

std::string rowNumber(int row)
{
    return (row + 1 < 10 ? " " : "") + std::to_string(row + 1);
}

} // namespace battleship
