#include <mqttgames/tictactoe/View.hpp>

#include <algorithm>
#include <cmath>

#include <SFML/Graphics/RenderTarget.hpp>

#include <mqttgames/engine/Shapes.hpp>

namespace tictactoe
{

namespace
{
constexpr float Padding = 18.f;
constexpr float GapRatio = 0.07f;
constexpr float PopSeconds = 0.18f;
constexpr float LineSeconds = 0.35f;

float easeOutBack(float t)
{
    t = std::clamp(t, 0.f, 1.f);
    const float c = 1.7f;
    return 1.f + (c + 1.f) * std::pow(t - 1.f, 3.f) + c * std::pow(t - 1.f, 2.f);
}
} // namespace

View::View(const Round& round, const engine::Theme& theme) : m_round(&round), m_theme(&theme)
{
    m_panel = engine::roundedRect({0.f, 0.f, Extent, Extent}, 22.f, theme.panel);
    m_grid = engine::GridGeometry::fit(Board::Size, Board::Size,
                                       {Padding, Padding, Extent - 2 * Padding, Extent - 2 * Padding}, GapRatio);
    for (int cell = 0; cell < Board::CellCount; ++cell)
        m_tiles.push_back(engine::roundedRect(m_grid.cellBounds(m_grid.cellOf(cell)), 14.f, theme.panelRaised));
    syncWithBoard();
    for (auto& piece : m_pieces)
        if (piece)
            piece->age = PopSeconds; // what is on the board at the start is not new
    m_lineAge = LineSeconds;
    paintTiles();
}

std::optional<std::string> View::handleEvent(const sf::Event& event, sf::Vector2f pointer, bool mayAct)
{
    m_mayAct = mayAct;
    const auto hovered = [&]() -> std::optional<int>
    {
        const auto cell = m_grid.cellAt(pointer);
        if (!cell || !mayAct || !m_round->board().canPlay(m_grid.indexOf(*cell)))
            return std::nullopt;
        return m_grid.indexOf(*cell);
    };
    switch (event.type)
    {
        case sf::Event::MouseMoved:
            m_hover = hovered();
            break;
        case sf::Event::MouseLeft:
            m_hover.reset();
            break;
        case sf::Event::MouseButtonPressed:
            if (event.mouseButton.button == sf::Mouse::Left)
                if (const auto cell = hovered())
                {
                    m_hover.reset();
                    return cellName(*cell);
                }
            break;
        case sf::Event::KeyPressed:
            // The number pad maps onto the board as the notation does: 1..9 row-major.
            if (mayAct && event.key.code >= sf::Keyboard::Num1 && event.key.code <= sf::Keyboard::Num9)
                return cellName(event.key.code - sf::Keyboard::Num1);
            if (mayAct && event.key.code >= sf::Keyboard::Numpad1 && event.key.code <= sf::Keyboard::Numpad9)
                return cellName(event.key.code - sf::Keyboard::Numpad1);
            break;
        default: break;
    }
    paintTiles();
    return std::nullopt;
}

bool View::update(sf::Time dt, bool mayAct)
{
    m_mayAct = mayAct;
    if (!mayAct)
        m_hover.reset(); // no preview once our move is made
    syncWithBoard();
    const float seconds = dt.asSeconds();
    bool moving = false;
    for (auto& piece : m_pieces)
    {
        if (piece && piece->age < PopSeconds)
        {
            piece->age = std::min(PopSeconds, piece->age + seconds);
            moving = true;
        }
    }
    if (m_line && m_lineAge < LineSeconds)
    {
        m_lineAge = std::min(LineSeconds, m_lineAge + seconds);
        moving = true;
    }
    if (m_hover && !m_round->board().canPlay(*m_hover))
        m_hover.reset();
    paintTiles();
    return moving;
}

void View::syncWithBoard()
{
    const Board& board = m_round->board();
    if (board.moves() == m_shownMoves)
        return;
    const bool continues = board.moves().compare(0, m_shownMoves.size(), m_shownMoves) == 0;
    for (int cell = 0; cell < Board::CellCount; ++cell)
    {
        const Mark mark = board.at(cell);
        if (mark == Mark::None)
            m_pieces[cell].reset();
        else if (!m_pieces[cell] || !continues)
            m_pieces[cell] = makePiece(mark, cell, mark == Mark::X ? m_theme->playerOne : m_theme->playerTwo);
    }
    m_shownMoves = board.moves();
    m_line = board.winningLine();
    m_lineAge = 0.f;
    const Mark local = m_round->localMark();
    m_preview = makePiece(local, 0, engine::fade(local == Mark::X ? m_theme->playerOne : m_theme->playerTwo, 0.28f));
    m_preview->age = PopSeconds;
}

View::Piece View::makePiece(Mark mark, int cell, sf::Color color) const
{
    Piece piece;
    piece.isX = mark == Mark::X;
    const sf::Vector2f centre = m_grid.cellCentre(m_grid.cellOf(cell));
    const float half = m_grid.cellSize() * 0.27f;
    const float stroke = m_grid.cellSize() * 0.12f;
    if (piece.isX)
    {
        piece.bars.push_back(engine::capsule({centre.x - half, centre.y - half}, {centre.x + half, centre.y + half}, stroke, color));
        piece.bars.push_back(engine::capsule({centre.x - half, centre.y + half}, {centre.x + half, centre.y - half}, stroke, color));
    }
    else
    {
        const float radius = half * 1.08f;
        piece.ring.setRadius(radius - stroke / 2.f);
        piece.ring.setPointCount(72);
        piece.ring.setOrigin(radius - stroke / 2.f, radius - stroke / 2.f);
        piece.ring.setPosition(centre);
        piece.ring.setFillColor(sf::Color::Transparent);
        piece.ring.setOutlineThickness(stroke);
        piece.ring.setOutlineColor(color);
    }
    return piece;
}

void View::paintTiles()
{
    const Board& board = m_round->board();
    for (int cell = 0; cell < Board::CellCount; ++cell)
    {
        sf::Color color = m_theme->panelRaised;
        if (m_hover == cell)
            color = engine::mix(color, m_theme->text, 0.10f);
        if (m_line && std::find(m_line->begin(), m_line->end(), cell) != m_line->end())
            color = engine::mix(color, m_theme->accent, 0.12f);
        else if (board.isOver())
            color = engine::mix(color, m_theme->panel, 0.5f);
        m_tiles[cell].setFillColor(color);
    }
}

void View::draw(sf::RenderTarget& target, sf::RenderStates states) const
{
    states.transform *= getTransform();
    target.draw(m_panel, states);
    for (const auto& tile : m_tiles)
        target.draw(tile, states);

    const bool over = m_round->board().isOver();
    for (int cell = 0; cell < Board::CellCount; ++cell)
    {
        if (!m_pieces[cell])
            continue;
        const float scale = easeOutBack(m_pieces[cell]->age / PopSeconds);
        const bool inLine = m_line && std::find(m_line->begin(), m_line->end(), cell) != m_line->end();
        sf::RenderStates pieceStates = states;
        if (over && !inLine)
        {
            // Dim the pieces off the winning line (or all, on a draw) by drawing a veil over them.
            drawPiece(*m_pieces[cell], m_grid.cellCentre(m_grid.cellOf(cell)), scale, target, pieceStates);
            auto veil = m_tiles[cell];
            veil.setFillColor(engine::fade(m_theme->panel, m_line ? 0.55f : 0.25f));
            target.draw(veil, states);
            continue;
        }
        drawPiece(*m_pieces[cell], m_grid.cellCentre(m_grid.cellOf(cell)), scale, target, pieceStates);
    }
    if (m_hover && m_preview && m_mayAct)
        drawPiece(*m_preview, m_grid.cellCentre(m_grid.cellOf(*m_hover)), 1.f, target,
                  sf::RenderStates(states.transform * sf::Transform().translate(m_grid.cellCentre(m_grid.cellOf(*m_hover)) - m_grid.cellCentre(m_grid.cellOf(0)))));

    if (m_line)
    {
        const sf::Vector2f from = m_grid.cellCentre(m_grid.cellOf((*m_line)[0]));
        const sf::Vector2f to = m_grid.cellCentre(m_grid.cellOf((*m_line)[2]));
        const sf::Vector2f direction = (to - from) / std::hypot(to.x - from.x, to.y - from.y);
        const float overshoot = m_grid.cellSize() * 0.36f;
        const sf::Vector2f start = from - direction * overshoot;
        const sf::Vector2f end = to + direction * overshoot;
        const float t = std::clamp(m_lineAge / LineSeconds, 0.f, 1.f);
        const sf::Vector2f tip = start + (end - start) * (1.f - std::pow(1.f - t, 3.f));
        const float thickness = m_grid.cellSize() * 0.075f;
        target.draw(engine::capsule(start, tip, thickness + 8.f, engine::fade(m_theme->background, 0.55f)), states);
        target.draw(engine::capsule(start, tip, thickness, m_theme->accent), states);
    }
}

void View::drawPiece(const Piece& piece, sf::Vector2f centre, float scale, sf::RenderTarget& target, sf::RenderStates states) const
{
    states.transform.translate(centre).scale(scale, scale).translate(-centre);
    if (piece.isX)
        for (const auto& bar : piece.bars)
            target.draw(bar, states);
    else
        target.draw(piece.ring, states);
}

} // namespace tictactoe
