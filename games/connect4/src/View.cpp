#include <mqttgames/connect4/View.hpp>

#include <algorithm>
#include <cmath>

#include <SFML/Graphics/RenderTarget.hpp>

#include <mqttgames/engine/Shapes.hpp>
#include <mqttgames/engine/Text.hpp>

#include "Plate.hpp"

namespace connect4
{

namespace
{
constexpr float HoleRatio = 0.41f;
constexpr float DiscRatio = 0.385f;
constexpr float Gravity = 4200.f;    // units per second squared: a drop from the top takes about half a second
constexpr float Bounce = 0.28f;      // share of the landing speed kept by the bounce
constexpr float RestSpeed = 220.f;   // slower landings stop dead instead of bouncing
constexpr float Step = 1.f / 240.f;  // fixed physics step, so a long frame lands the disc the same way
constexpr float LineSeconds = 0.4f;

// The frame of the board: a deep blue that sits on the dark theme without glowing.
const sf::Color PlateTop(46, 78, 152);
const sf::Color PlateBottom(34, 58, 116);
const sf::Color PlateRim(20, 31, 64);

int indexOf(Disc disc)
{
    return disc == Disc::First ? 0 : 1;
}
} // namespace

View::View(const engine::Context& context) : m_theme(&context.theme)
{
    const engine::Theme& theme = context.theme;
    m_grid = engine::GridGeometry(Rows, Columns, CellSize, 0.f, {Padding, StripHeight + Padding});
    const sf::FloatRect holes = m_grid.bounds();
    m_frame.bounds = {0.f, StripHeight, holes.width + 2 * Padding, holes.height + 2 * Padding};

    m_frame.shadow = engine::roundedRect({m_frame.bounds.left, m_frame.bounds.top + 6.f, m_frame.bounds.width, m_frame.bounds.height},
                                   Padding, engine::fade(sf::Color::Black, 0.35f));
    m_frame.backdrop.setPosition(holes.left, holes.top);
    m_frame.backdrop.setSize({holes.width, holes.height});
    m_frame.backdrop.setFillColor(engine::mix(theme.background, sf::Color::Black, 0.35f));

    PlateStyle style;
    style.outer = m_frame.bounds;
    style.cornerRadius = Padding;
    style.holeRadius = CellSize * HoleRatio;
    style.rimWidth = CellSize * 0.05f;
    style.top = PlateTop;
    style.bottom = PlateBottom;
    style.rim = PlateRim;
    m_frame.plate = perforatedPlate(m_grid, style);

    const sf::Font& font = context.fonts.get(engine::FontId::Bold);
    const float labelY = m_frame.bounds.top + m_frame.bounds.height + LabelHeight / 2.f + 2.f;
    for (int column = 0; column < Columns; ++column)
        m_labels.push_back(engine::centredText(font, columnName(column), 16, theme.mutedText,
                                               {m_grid.cellCentre({0, column}).x, labelY}));

    const sf::Color colors[2] = {theme.playerOne, theme.playerTwo};
    for (int side = 0; side < 2; ++side)
    {
        m_looks[side].normal = makeLook(colors[side]);
        m_looks[side].dim = makeLook(engine::mix(colors[side], m_frame.backdrop.getFillColor(), 0.45f));
        m_looks[side].ghost = makeLook(engine::fade(colors[side], 0.35f));
    }

    const float markerRadius = CellSize * 0.085f;
    m_marker.setRadius(markerRadius);
    m_marker.setOrigin(markerRadius, markerRadius);
    m_marker.setPointCount(32);
    m_marker.setFillColor(engine::fade(theme.text, 0.9f));
    for (auto& piece : m_pieces)
    {
        // What is on the board when the view appears is not new: no drop, no fade-in.
        piece.falling = false;
        piece.y = cellCentre(piece.column, piece.row).y;
    }
    m_win.age = LineSeconds;
    paintWinningLine();
}

sf::Vector2f View::size() const
{
    return {m_frame.bounds.width, m_frame.bounds.top + m_frame.bounds.height + LabelHeight};
}

sf::Vector2f View::cellCentre(int column, int row) const
{
    return m_grid.cellCentre({Rows - 1 - row, column});
}

View::Look View::makeLook(sf::Color color) const
{
    Look look;
    const float radius = CellSize * DiscRatio;
    look.body.setRadius(radius);
    look.body.setOrigin(radius, radius);
    look.body.setPointCount(64);
    look.body.setFillColor(color);

    // A raised ring inside the rim, as on the plastic discs.
    const float ridgeRadius = radius * 0.68f;
    const float thickness = radius * 0.08f;
    look.ridge.setRadius(ridgeRadius);
    look.ridge.setOrigin(ridgeRadius, ridgeRadius);
    look.ridge.setPointCount(64);
    look.ridge.setFillColor(engine::mix(color, sf::Color::Black, 0.07f));
    look.ridge.setOutlineThickness(thickness);
    look.ridge.setOutlineColor(engine::mix(color, sf::Color::Black, 0.22f));
    return look;
}

const View::Look& View::lookOf(const Piece& piece) const
{
    // Once the winning four is shown, the other discs step back.
    const bool dim = m_win.cells && !isFalling() && std::find(m_win.cells->begin(), m_win.cells->end(), Cell{piece.column, piece.row}) == m_win.cells->end();
    return dim ? m_looks[indexOf(piece.disc)].dim : m_looks[indexOf(piece.disc)].normal;
}

std::optional<Move> View::pick(const sf::Event& event, sf::Vector2f pointer, bool mayAct)
{
    m_mayAct = mayAct;
    const Board& board = state().board;
    // The whole height of the board and the strip above it takes a column click.
    const auto pointed = [&]() -> std::optional<int>
    {
        if (!mayAct || pointer.y < 0.f || pointer.y > m_frame.bounds.top + m_frame.bounds.height)
            return std::nullopt;
        const auto column = m_grid.columnAt(pointer.x);
        if (!column || !board.canPlay(*column))
            return std::nullopt;
        return column;
    };
    switch (event.type)
    {
        case sf::Event::MouseMoved:
            setHover(pointed());
            break;
        case sf::Event::MouseLeft:
            setHover(std::nullopt);
            break;
        case sf::Event::MouseButtonPressed:
            if (event.mouseButton.button == sf::Mouse::Left)
                if (const auto column = pointed())
                {
                    setHover(std::nullopt);
                    return Move{*column};
                }
            break;
        case sf::Event::KeyPressed:
            // The digit keys name columns as the notation does: 1..7 from the left.
            if (mayAct && event.key.code >= sf::Keyboard::Num1 && event.key.code <= sf::Keyboard::Num7)
                return Move{event.key.code - sf::Keyboard::Num1};
            if (mayAct && event.key.code >= sf::Keyboard::Numpad1 && event.key.code <= sf::Keyboard::Numpad7)
                return Move{event.key.code - sf::Keyboard::Numpad1};
            break;
        default: break;
    }
    return std::nullopt;
}

void View::setHover(std::optional<int> column)
{
    if (column == m_hover)
        return;
    m_hover = column;
    if (!column)
        return;
    const sf::FloatRect cell = m_grid.cellBounds({0, *column});
    const float inset = 3.f;
    m_columnGlow = engine::roundedRect({cell.left + inset, m_frame.bounds.top + inset, cell.width - 2 * inset, m_frame.bounds.height - 2 * inset},
                                       cell.width / 2.f, engine::fade(m_theme->text, 0.09f));
}

bool View::animate(sf::Time dt, bool mayAct)
{
    m_mayAct = mayAct;
    if (!mayAct)
        setHover(std::nullopt); // no ghost disc once our move is made
    bool moving = false;
    for (auto& piece : m_pieces)
        if (piece.falling)
        {
            fall(piece, dt.asSeconds());
            moving = true;
        }
    if (m_win.cells && !isFalling() && m_win.age < LineSeconds)
    {
        m_win.age = std::min(LineSeconds, m_win.age + dt.asSeconds());
        paintWinningLine();
        moving = true;
    }
    if (m_hover && !state().board.canPlay(*m_hover))
        setHover(std::nullopt);
    return moving;
}

void View::fall(Piece& piece, float seconds) const
{
    const float target = cellCentre(piece.column, piece.row).y;
    for (float left = seconds; left > 0.f && piece.falling; left -= Step)
    {
        const float step = std::min(Step, left);
        piece.speed += Gravity * step;
        piece.y += piece.speed * step;
        if (piece.y < target)
            continue;
        piece.y = target;
        if (piece.speed < RestSpeed)
        {
            piece.speed = 0.f;
            piece.falling = false;
        }
        else
            piece.speed = -piece.speed * Bounce;
    }
}

bool View::isFalling() const
{
    return std::any_of(m_pieces.begin(), m_pieces.end(), [](const Piece& piece) { return piece.falling; });
}

void View::reset(const Rules& rules)
{
    // A new position is shown as it stands: every disc at rest.
    m_pieces.clear();
    Board replay;
    for (const char move : rules.board.moves())
    {
        const int column = move - '1';
        m_pieces.push_back({column, replay.height(column), replay.toMove(), 0.f, 0.f, false});
        m_pieces.back().y = cellCentre(column, m_pieces.back().row).y;
        replay.play(column);
    }
    showLine(rules.board);
}

void View::played(const Move& move, const Rules& after)
{
    // The new disc drops from the strip above the plate into its cell.
    const int row = after.board.height(move.column) - 1;
    m_pieces.push_back({move.column, row, after.board.at(move.column, row), StripHeight / 2.f, 0.f, true});
    showLine(after.board);
}

void View::showLine(const Board& board)
{
    m_win.cells = board.winningLine();
    m_win.age = 0.f;
    buildWinningLine();
}

void View::buildWinningLine()
{
    m_win.rings.clear();
    if (!m_win.cells)
        return;
    const float radius = CellSize * HoleRatio - 1.f;
    for (const Cell cell : *m_win.cells)
    {
        sf::CircleShape ring(radius, 64);
        ring.setOrigin(radius, radius);
        ring.setPosition(cellCentre(cell.column, cell.row));
        ring.setFillColor(sf::Color::Transparent);
        ring.setOutlineThickness(-CellSize * 0.07f);
        m_win.rings.push_back(ring);
    }
    const sf::Vector2f from = cellCentre(m_win.cells->front().column, m_win.cells->front().row);
    const sf::Vector2f to = cellCentre(m_win.cells->back().column, m_win.cells->back().row);
    const float thickness = CellSize * 0.09f;
    m_win.stroke[0] = engine::capsule(from, to, thickness + 6.f, sf::Color::Transparent);
    m_win.stroke[1] = engine::capsule(from, to, thickness, sf::Color::Transparent);
    paintWinningLine();
}

void View::paintWinningLine()
{
    const float t = std::clamp(m_win.age / LineSeconds, 0.f, 1.f);
    for (auto& ring : m_win.rings)
        ring.setOutlineColor(engine::fade(m_theme->accent, t));
    m_win.stroke[0].setFillColor(engine::fade(m_theme->background, 0.5f * t));
    m_win.stroke[1].setFillColor(engine::fade(m_theme->accent, t));
}

void View::draw(sf::RenderTarget& target, sf::RenderStates states) const
{
    states.transform *= getTransform();
    for (const auto& label : m_labels)
        target.draw(label, states);
    target.draw(m_frame.shadow, states);
    target.draw(m_frame.backdrop, states);

    const Board& board = state().board;
    const bool falling = isFalling();
    if (m_hover && !falling)
        drawLook(m_looks[indexOf(localDisc())].ghost, cellCentre(*m_hover, board.height(*m_hover)), target, states);
    for (const auto& piece : m_pieces)
        drawLook(lookOf(piece), {cellCentre(piece.column, piece.row).x, piece.y}, target, states);

    target.draw(m_frame.plate, states);

    if (m_hover && !falling)
    {
        target.draw(m_columnGlow, states);
        drawLook(m_looks[indexOf(localDisc())].normal, {cellCentre(*m_hover, 0).x, StripHeight / 2.f}, target, states);
    }
    if (!m_pieces.empty() && !m_pieces.back().falling)
    {
        sf::RenderStates marked = states;
        marked.transform.translate(cellCentre(m_pieces.back().column, m_pieces.back().row));
        target.draw(m_marker, marked);
    }
    if (m_win.cells && !falling)
    {
        for (const auto& stroke : m_win.stroke)
            target.draw(stroke, states);
        for (const auto& ring : m_win.rings)
            target.draw(ring, states);
    }
}

void View::drawLook(const Look& look, sf::Vector2f centre, sf::RenderTarget& target, sf::RenderStates states) const
{
    states.transform.translate(centre);
    target.draw(look.body, states);
    target.draw(look.ridge, states);
}

} // namespace connect4
