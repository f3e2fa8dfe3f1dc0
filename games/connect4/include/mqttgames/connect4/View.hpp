#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/ConvexShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>
#include <SFML/Graphics/Text.hpp>
#include <SFML/Graphics/VertexArray.hpp>

#include <mqttgames/connect4/Rules.hpp>
#include <mqttgames/engine/TurnView.hpp>
#include <mqttgames/engine/GridGeometry.hpp>

namespace connect4
{

/// The board on screen: a plate with seven columns of holes, discs that fall into place behind it,
/// the hovered column with a ghost disc where it would land, the last move marked and the winning
/// four ringed. Geometry is built when something changes, never in draw().
class View : public engine::TurnView<Rules>
{
public:
    static constexpr float CellSize = 66.f;
    static constexpr float Padding = 14.f;
    /// Above the plate: where a disc is held before it drops.
    static constexpr float StripHeight = 62.f;
    /// Below the plate: the column numbers.
    static constexpr float LabelHeight = 30.f;

    /// `context` is borrowed and outlives the view.
    explicit View(const engine::Context& context);

    sf::Vector2f size() const override;
    /// While a disc is still falling (the round's result waits for it to land).
    bool isAnimating() const override { return isFalling(); }

    /// The holes: row 0 of the grid is the top row of the board.
    const engine::GridGeometry& grid() const { return m_grid; }
    /// The centre of a board cell (row 0 = bottom), in view units.
    sf::Vector2f cellCentre(int column, int row) const;
    /// The column whose drop is previewed, if any.
    std::optional<int> hoveredColumn() const { return m_hover; }

private:
    /// A disc's appearance, centred on (0, 0): the body and its inner ridge.
    struct Look
    {
        sf::CircleShape body;
        sf::CircleShape ridge;
    };

    struct Piece
    {
        int column = 0;
        int row = 0;
        Disc disc = Disc::None;
        float y = 0.f;     ///< current centre height, in view units
        float speed = 0.f; ///< downwards, units per second; 0 once at rest
        bool falling = false;
    };

    void reset(const Rules& rules) override;
    void played(const Move& move, const Rules& after) override;
    std::optional<Move> pick(const sf::Event& event, sf::Vector2f pointer, bool mayAct) override;
    bool animate(sf::Time dt, bool mayAct) override;
    void draw(sf::RenderTarget& target, sf::RenderStates states) const override;
    void drawLook(const Look& look, sf::Vector2f centre, sf::RenderTarget& target, sf::RenderStates states) const;
    Look makeLook(sf::Color color) const;
    const Look& lookOf(const Piece& piece) const;
    void showLine(const Board& board);
    Disc localDisc() const { return localSeat() == 0 ? Disc::First : Disc::Second; }
    void fall(Piece& piece, float seconds) const;
    void setHover(std::optional<int> column);
    void buildWinningLine();
    void paintWinningLine();
    bool isFalling() const;

    /// The board's frame: its bounds, shadow, the dark behind the holes, and the perforated plate.
    struct Frame
    {
        sf::FloatRect bounds;
        sf::ConvexShape shadow;
        sf::RectangleShape backdrop;
        sf::VertexArray plate;
    };
    /// A side's disc as played, stepped back (off the winning four) and as a ghost (the preview).
    struct DiscLooks
    {
        Look normal;
        Look dim;
        Look ghost;
    };
    /// The winning four, ringed and struck through as it fades in.
    struct WinningLine
    {
        std::optional<std::array<Cell, 4>> cells;
        std::vector<sf::CircleShape> rings;
        std::array<sf::ConvexShape, 2> stroke; ///< shadow, then the stroke
        float age = 0.f;
    };

    const engine::Theme* m_theme;
    engine::GridGeometry m_grid;
    Frame m_frame;
    std::vector<sf::Text> m_labels;
    std::array<DiscLooks, 2> m_looks;
    sf::CircleShape m_marker;
    sf::ConvexShape m_columnGlow;
    std::vector<Piece> m_pieces;
    std::optional<int> m_hover;
    WinningLine m_win;
    bool m_mayAct = false;
};

} // namespace connect4
