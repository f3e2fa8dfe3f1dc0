// Tic-tac-toe on screen: tiles, X and O popping in as they are played, a preview of our mark under
// the pointer, and the winning line drawn across. Keys 1-9 play the cells as the notation does.
#pragma once

#include <algorithm>
#include <cmath>

#include <SFML/Graphics.hpp>

#include <mqttgames/engine/GridGeometry.hpp>
#include <mqttgames/engine/Shapes.hpp>
#include <mqttgames/engine/TurnView.hpp>
#include <mqttgames/tictactoe/Board.hpp>

namespace tictactoe
{

class View : public engine::TurnView<Board>
{
public:
    static constexpr float Extent = 480.f;

    explicit View(const engine::Context& context) : m_theme(&context.theme)
    {
        m_panel = engine::roundedRect({0.f, 0.f, Extent, Extent}, 22.f, m_theme->panel);
        m_grid = engine::GridGeometry::fit(3, 3, {18.f, 18.f, Extent - 36.f, Extent - 36.f}, 0.07f);
        for (int cell = 0; cell < 9; ++cell)
            m_tiles.push_back(engine::roundedRect(m_grid.cellBounds(m_grid.cellOf(cell)), 14.f, m_theme->panelRaised));
    }

    sf::Vector2f size() const override { return {Extent, Extent}; }
    const engine::GridGeometry& grid() const { return m_grid; }

private:
    static constexpr float PopSeconds = 0.18f, LineSeconds = 0.35f;

    void reset(const Board&) override
    {
        m_age.fill(PopSeconds); // what is on the board already is not new
        m_lineAge = LineSeconds;
        point(std::nullopt);
    }
    void played(const Move& move, const Board&) override
    {
        m_age[move.cell] = 0.f;
        m_lineAge = 0.f;
        point(std::nullopt);
    }
    std::optional<Move> pick(const sf::Event& event, sf::Vector2f pointer, bool mayAct) override
    {
        const auto cell = event.type == sf::Event::MouseLeft ? std::nullopt : m_grid.cellAt(pointer);
        point(cell && mayAct && state().legal({m_grid.indexOf(*cell)}) ? std::optional(m_grid.indexOf(*cell)) : std::nullopt);
        if (m_hover && event.type == sf::Event::MouseButtonPressed && event.mouseButton.button == sf::Mouse::Left)
            return Move{*m_hover};
        if (event.type == sf::Event::KeyPressed)
            for (const auto one : {sf::Keyboard::Num1, sf::Keyboard::Numpad1})
                if (event.key.code >= one && event.key.code < one + 9)
                    return Move{event.key.code - one};
        return std::nullopt;
    }
    bool animate(sf::Time dt, bool mayAct) override
    {
        if (!mayAct && m_hover)
            point(std::nullopt); // no preview once our move is made
        bool moving = false;
        for (float& age : m_age)
            if (age < PopSeconds)
                age = std::min(PopSeconds, age + dt.asSeconds()), moving = true;
        if (state().winningLine() && m_lineAge < LineSeconds)
            m_lineAge = std::min(LineSeconds, m_lineAge + dt.asSeconds()), moving = true;
        return moving;
    }
    /// Hovers a cell (or none) and paints the tiles: the hovered one lighter, the winning line
    /// tinted, the rest dimmed once the game is over.
    void point(std::optional<int> cell)
    {
        m_hover = cell;
        const auto line = state().winningLine();
        for (int i = 0; i < 9; ++i)
        {
            const sf::Color tile = m_hover == i ? engine::mix(m_theme->panelRaised, m_theme->text, 0.10f) : m_theme->panelRaised;
            m_tiles[i].setFillColor(inLine(line, i) ? engine::mix(tile, m_theme->accent, 0.12f)
                                    : state().end() ? engine::mix(tile, m_theme->panel, 0.5f) : tile);
        }
    }
    static bool inLine(const std::optional<Board::Line>& line, int cell) { return line && std::ranges::find(*line, cell) != line->end(); }
    void draw(sf::RenderTarget& target, sf::RenderStates states) const override
    {
        states.transform *= getTransform();
        target.draw(m_panel, states);
        for (const auto& tile : m_tiles)
            target.draw(tile, states);
        const auto line = state().winningLine();
        for (int cell = 0; cell < 9; ++cell)
        {
            if (state().at(cell) == Mark::None)
                continue;
            const float t = m_age[cell] / PopSeconds - 1.f; // eases out past full size, then settles
            drawMark(target, states, state().at(cell), cell, 1.f + 2.7f * t * t * t + 1.7f * t * t, 1.f);
            if (state().end() && !inLine(line, cell))
            {
                // A veil over the pieces off the winning line (all of them, on a draw).
                sf::ConvexShape veil = m_tiles[cell];
                veil.setFillColor(engine::fade(m_theme->panel, line ? 0.55f : 0.25f));
                target.draw(veil, states);
            }
        }
        if (m_hover)
            drawMark(target, states, localSeat() == 0 ? Mark::X : Mark::O, *m_hover, 1.f, 0.28f);
        if (!line)
            return;
        const sf::Vector2f from = m_grid.cellCentre(m_grid.cellOf((*line)[0]));
        const sf::Vector2f to = m_grid.cellCentre(m_grid.cellOf((*line)[2]));
        const sf::Vector2f overshoot = (to - from) * (m_grid.cellSize() * 0.36f / std::hypot(to.x - from.x, to.y - from.y));
        const sf::Vector2f start = from - overshoot;
        const sf::Vector2f tip = start + (to + overshoot - start) * (1.f - std::pow(1.f - m_lineAge / LineSeconds, 3.f));
        const float thickness = m_grid.cellSize() * 0.075f;
        target.draw(engine::capsule(start, tip, thickness + 8.f, engine::fade(m_theme->background, 0.55f)), states);
        target.draw(engine::capsule(start, tip, thickness, m_theme->accent), states);
    }
    void drawMark(sf::RenderTarget& target, sf::RenderStates states, Mark mark, int cell, float scale, float alpha) const
    {
        const float half = m_grid.cellSize() * 0.27f;
        const float stroke = m_grid.cellSize() * 0.12f;
        const sf::Color color = engine::fade(mark == Mark::X ? m_theme->playerOne : m_theme->playerTwo, alpha);
        states.transform.translate(m_grid.cellCentre(m_grid.cellOf(cell))).scale(scale, scale);
        if (mark == Mark::X)
        {
            target.draw(engine::capsule({-half, -half}, {half, half}, stroke, color), states);
            target.draw(engine::capsule({-half, half}, {half, -half}, stroke, color), states);
            return;
        }
        sf::CircleShape ring(half * 1.08f - stroke / 2.f, 72);
        ring.setOrigin(ring.getRadius(), ring.getRadius());
        ring.setFillColor(sf::Color::Transparent);
        ring.setOutlineThickness(stroke);
        ring.setOutlineColor(color);
        target.draw(ring, states);
    }

    const engine::Theme* m_theme;
    engine::GridGeometry m_grid;
    sf::ConvexShape m_panel;
    std::vector<sf::ConvexShape> m_tiles;
    std::optional<int> m_hover;
    std::array<float, 9> m_age{}; ///< seconds since each cell's mark was played, up to PopSeconds
    float m_lineAge = 0.f;
};

} // namespace tictactoe
