#include <mqttgames/battleship/Coord.hpp>

#include <cctype>
#include <ostream>

namespace battleship
{

bool isInside(Coord coord)
{
    return coord.column >= 0 && coord.column < SeaSize && coord.row >= 0 && coord.row < SeaSize;
}

int indexOf(Coord coord)
{
    return coord.row * SeaSize + coord.column;
}

Coord coordAt(int index)
{
    return {index % SeaSize, index / SeaSize};
}

std::optional<Coord> parseCoord(std::string_view text)
{
    const auto isSpace = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);

    // One letter and one or two digits; a leading zero ("A01") is not a row name.
    if (text.size() < 2 || text.size() > 3 || text[1] == '0')
        return std::nullopt;
    const char letter = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    int row = 0;
    for (const char digit : text.substr(1))
    {
        if (!std::isdigit(static_cast<unsigned char>(digit)))
            return std::nullopt;
        row = row * 10 + (digit - '0');
    }
    const Coord coord{letter - 'A', row - 1};
    if (letter < 'A' || !isInside(coord))
        return std::nullopt;
    return coord;
}

std::string toString(Coord coord)
{
    if (!isInside(coord))
        return "(" + std::to_string(coord.column) + "," + std::to_string(coord.row) + ")";
    return static_cast<char>('A' + coord.column) + std::to_string(coord.row + 1);
}

std::ostream& operator<<(std::ostream& out, Coord coord)
{
    return out << toString(coord);
}

} // namespace battleship
