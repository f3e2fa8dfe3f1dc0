#pragma once

#include <compare>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>

namespace battleship
{

/// The sea is SeaSize columns (A..J) by SeaSize rows (1..10).
constexpr int SeaSize = 10;
constexpr int SeaCells = SeaSize * SeaSize;

/// A cell of the sea, 0-based: column 0 is 'A', row 0 is "1".
struct Coord
{
    int column = 0;
    int row = 0;

    friend auto operator<=>(const Coord&, const Coord&) = default;
};

/// True when the cell lies within the sea.
bool isInside(Coord coord);

/// The cell's number 0..99, row by row; only for cells inside the sea.
int indexOf(Coord coord);

/// The inverse of indexOf.
Coord coordAt(int index);

/// Reads "A1".."J10": a column letter in any case, then a row number; surrounding whitespace is
/// ignored. nullopt for anything else, including cells outside the sea.
std::optional<Coord> parseCoord(std::string_view text);

/// "A1".."J10" for a cell inside the sea; "(column,row)" otherwise, which parseCoord rejects.
std::string toString(Coord coord);

std::ostream& operator<<(std::ostream& out, Coord coord);

} // namespace battleship
