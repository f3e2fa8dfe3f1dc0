#include "ArrivalScene.hpp"

#include <SFML/Graphics/CircleShape.hpp>
#include <SFML/Graphics/RectangleShape.hpp>

#include <mqttgames/engine/Context.hpp>
#include <mqttgames/engine/SceneStack.hpp>
#include <mqttgames/engine/Text.hpp>

namespace bench
{

ArrivalScene::ArrivalScene(engine::SceneStack& stack, FrameProbe& probe, FrameProbe::Clock::time_point deadline)
    : Scene(stack), m_probe(&probe), m_deadline(deadline)
{
}

void ArrivalScene::receive(const std::string& payload, FrameProbe::Clock::time_point handedOver)
{
    m_cells[m_received % m_cells.size()] = static_cast<std::uint8_t>(1 + m_received / m_cells.size() % 2);
    ++m_received;
    m_last = payload;
    m_probe->arrived(handedOver);
}

bool ArrivalScene::handleEvent(const sf::Event&)
{
    return false;
}

bool ArrivalScene::update(sf::Time)
{
    if (FrameProbe::Clock::now() >= m_deadline)
        context().quit();
    return false;
}

void ArrivalScene::draw(sf::RenderTarget& target) const
{
    m_probe->drawing();
    const engine::Theme& theme = context().theme;
    sf::RectangleShape background(context().size);
    background.setFillColor(theme.background);
    target.draw(background);

    const float cell = 80.f;
    const sf::Vector2f origin{(context().size.x - Columns * cell) / 2.f, 180.f};
    sf::RectangleShape board({Columns * cell, Rows * cell});
    board.setPosition(origin);
    board.setFillColor(theme.panel);
    target.draw(board);
    sf::CircleShape disc(cell / 2.f - 8.f, 32);
    for (int i = 0; i < Columns * Rows; ++i)
    {
        const std::uint8_t owner = m_cells[static_cast<std::size_t>(i)];
        disc.setFillColor(owner == 0 ? theme.background : owner == 1 ? theme.playerOne : theme.playerTwo);
        disc.setPosition(origin.x + static_cast<float>(i % Columns) * cell + 8.f, origin.y + static_cast<float>(i / Columns) * cell + 8.f);
        target.draw(disc);
    }

    const sf::Font& bold = context().fonts.get(engine::FontId::Bold);
    const sf::Font& regular = context().fonts.get(engine::FontId::Regular);
    target.draw(engine::centredText(bold, std::to_string(m_received) + " messages", 28, theme.text, {context().size.x / 2.f, 70.f}));
    target.draw(engine::centredText(regular, "last: " + m_last, 16, theme.mutedText, {context().size.x / 2.f, 120.f}));
}

} // namespace bench
