#pragma once

#include <array>
#include <optional>
#include <vector>

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/ConvexShape.hpp>

#include <mqttgames/engine/RoundView.hpp>
#include <mqttgames/engine/GridGeometry.hpp>
#include <mqttgames/tictactoe/Round.hpp>

namespace tictactoe
{

/// The board on screen: tiles, X and O (each popping in when played), the hovered cell with a
/// preview of our mark, and the winning line. Geometry is built when something changes, never in draw().
class View : public engine::RoundView
{
public:
    static constexpr float Extent = 480.f;

    /// `round` and `theme` are borrowed and outlive the view.
    View(const Round& round, const engine::Theme& theme);

    sf::Vector2f size() const override { return {Extent, Extent}; }
    std::optional<std::string> handleEvent(const sf::Event& event, sf::Vector2f pointer, bool mayAct) override;
    bool update(sf::Time dt, bool mayAct) override;

    const engine::GridGeometry& grid() const { return m_grid; }

private:
    struct Piece
    {
        std::vector<sf::ConvexShape> bars; ///< the two strokes of an X
        sf::CircleShape ring;              ///< an O
        bool isX = true;
        float age = 0.f;                   ///< seconds since it was played
    };

    void draw(sf::RenderTarget& target, sf::RenderStates states) const override;
    void drawPiece(const Piece& piece, sf::Vector2f centre, float scale, sf::RenderTarget& target, sf::RenderStates states) const;
    Piece makePiece(Mark mark, int cell, sf::Color color) const;
    void syncWithBoard();
    void paintTiles();

    const Round* m_round;
    const engine::Theme* m_theme;
    engine::GridGeometry m_grid;
    sf::ConvexShape m_panel;
    std::vector<sf::ConvexShape> m_tiles;
    std::array<std::optional<Piece>, Board::CellCount> m_pieces;
    std::optional<Piece> m_preview;
    std::optional<int> m_hover;
    bool m_mayAct = false;
    std::string m_shownMoves;
    std::optional<Board::Line> m_line;
    float m_lineAge = 0.f;
};

} // namespace tictactoe
