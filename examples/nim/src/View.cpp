#include "View.hpp"

#include <algorithm>

#include <SFML/Graphics/RenderTarget.hpp>

#include <mqttgames/engine/Shapes.hpp>
#include <mqttgames/engine/Text.hpp>

namespace nim
{

View::View(const Round& round, const engine::Context& context) : m_round(&round), m_context(&context)
{
    const int widest = *std::max_element(Heaps::Start.begin(), Heaps::Start.end());
    m_grid = engine::GridGeometry::fit(Heaps::Count, widest + 1, {16.f, 16.f, size().x - 32.f, size().y - 32.f}, 0.15f);
    m_panel = engine::roundedRect({{0.f, 0.f}, size()}, 22.f, context.theme.panel);
    for (int heap = 0; heap < Heaps::Count; ++heap)
        m_labels.push_back(engine::centredText(context.fonts.get(engine::FontId::Bold), std::string(1, 'a' + heap),
                                               static_cast<unsigned>(m_grid.cellSize() * 0.5f), context.theme.mutedText,
                                               m_grid.cellCentre({heap, 0})));
    rebuild();
}

std::optional<std::string> View::handleEvent(const sf::Event& event, sf::Vector2f pointer, bool mayAct)
{
    const auto before = m_hover;
    m_hover = mayAct ? moveAt(pointer) : std::nullopt;
    if (m_hover != before)
        rebuild();
    if (m_hover && event.type == sf::Event::MouseButtonPressed && event.mouseButton.button == sf::Mouse::Left)
        return moveName(*m_hover);
    return std::nullopt;
}

bool View::update(sf::Time, bool)
{
    if (m_round->heaps().moves() != m_shownMoves)
    {
        m_hover.reset(); // the stones under the pointer may be gone
        rebuild();
    }
    return false;
}

std::optional<Move> View::moveAt(sf::Vector2f pointer) const
{
    const auto cell = m_grid.cellAt(pointer);
    if (!cell || cell->column == 0)
        return std::nullopt;
    const int left = m_round->heaps().size(cell->row);
    if (cell->column > left)
        return std::nullopt;
    return Move{cell->row, left - cell->column + 1};
}

void View::rebuild()
{
    const Heaps& heaps = m_round->heaps();
    const engine::Theme& theme = m_context->theme;
    const float radius = m_grid.cellSize() * 0.38f;
    m_stones.clear();
    for (int heap = 0; heap < Heaps::Count; ++heap)
        for (int stone = 1; stone <= Heaps::Start[heap]; ++stone)
        {
            // Taken stones stay as shadows; marked ones are what a click takes: this one to the row's end.
            const bool taken = stone > heaps.size(heap);
            const bool marked = !taken && m_hover && m_hover->heap == heap && stone > heaps.size(heap) - m_hover->count;
            sf::CircleShape shape(radius, 48);
            shape.setOrigin(radius, radius);
            shape.setPosition(m_grid.cellCentre({heap, stone}));
            shape.setFillColor(taken ? theme.panelRaised : marked ? theme.accent : theme.text);
            m_stones.push_back(shape);
        }
    m_shownMoves = heaps.moves();
}

void View::draw(sf::RenderTarget& target, sf::RenderStates states) const
{
    states.transform *= getTransform();
    target.draw(m_panel, states);
    for (const auto& label : m_labels)
        target.draw(label, states);
    for (const auto& stone : m_stones)
        target.draw(stone, states);
}

} // namespace nim
