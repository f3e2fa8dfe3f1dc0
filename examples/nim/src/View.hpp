// Nim on screen: one row of stones per heap, taken ones as shadows. Pointing at a stone marks it and
// every stone right of it, which a click takes.
#pragma once

#include <SFML/Graphics.hpp>
#include <mqttgames/engine/GridGeometry.hpp>
#include <mqttgames/engine/Shapes.hpp>
#include <mqttgames/engine/Text.hpp>
#include <mqttgames/engine/TurnView.hpp>

#include "Heaps.hpp"

namespace nim
{

class View : public engine::TurnView<Heaps>
{
public:
    explicit View(const engine::Context& context) : m_theme(&context.theme)
    {
        // Column 0 holds the heap's letter, then one column per stone.
        m_grid = engine::GridGeometry::fit(3, 6, {16.f, 16.f, size().x - 32.f, size().y - 32.f}, 0.15f);
        m_panel = engine::roundedRect({{0.f, 0.f}, size()}, 22.f, m_theme->panel);
        for (int heap = 0; heap < 3; ++heap)
            m_labels.push_back(engine::centredText(context.fonts.get(engine::FontId::Bold), std::string(1, 'a' + heap),
                                                   unsigned(m_grid.cellSize() * 0.5f), m_theme->mutedText, m_grid.cellCentre({heap, 0})));
    }
    sf::Vector2f size() const override { return {480.f, 300.f}; }

private:
    void reset(const Heaps&) override { pointAt(std::nullopt); } // the stones under the pointer may be gone
    std::optional<Move> pick(const sf::Event& event, sf::Vector2f pointer, bool mayAct) override
    {
        const auto cell = m_grid.cellAt(pointer);
        const int left = cell ? state().sizes[cell->row] : 0;
        pointAt(mayAct && cell && cell->column > 0 && cell->column <= left ? std::optional<Move>({cell->row, left - cell->column + 1})
                                                                          : std::nullopt);
        const bool click = event.type == sf::Event::MouseButtonPressed && event.mouseButton.button == sf::Mouse::Left;
        return click ? m_hover : std::nullopt;
    }
    void pointAt(std::optional<Move> hover)
    {
        m_hover = hover;
        m_stones.clear();
        const float radius = m_grid.cellSize() * 0.38f;
        for (int heap = 0; heap < 3; ++heap)
            for (int stone = 1, left = state().sizes[heap]; stone <= Heaps::Start[heap]; ++stone)
            {
                const bool marked = stone <= left && hover && hover->heap == heap && stone > left - hover->count;
                sf::CircleShape& shape = m_stones.emplace_back(radius, 48);
                shape.setOrigin(radius, radius);
                shape.setPosition(m_grid.cellCentre({heap, stone}));
                shape.setFillColor(stone > left ? m_theme->panelRaised : marked ? m_theme->accent : m_theme->text);
            }
    }
    void draw(sf::RenderTarget& target, sf::RenderStates states) const override
    {
        states.transform *= getTransform();
        target.draw(m_panel, states);
        for (const auto& label : m_labels)
            target.draw(label, states);
        for (const auto& stone : m_stones)
            target.draw(stone, states);
    }

    const engine::Theme* m_theme;
    engine::GridGeometry m_grid;
    sf::ConvexShape m_panel;
    std::vector<sf::Text> m_labels;
    std::vector<sf::CircleShape> m_stones;
    std::optional<Move> m_hover;
};

} // namespace nim
