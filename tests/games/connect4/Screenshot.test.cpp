#include <catch2/catch.hpp>

#include <SFML/Graphics/Image.hpp>
#include <SFML/Graphics/RenderTexture.hpp>
#include <SFML/Window/Context.hpp>

#include <mqttgames/connect4/Game.hpp>
#include <mqttgames/engine/TurnRound.hpp>
#include <mqttgames/connect4/View.hpp>
#include <mqttgames/engine/Context.hpp>
#include <mqttgames/engine/Display.hpp>
#include <mqttgames/engine/PlayScene.hpp>
#include <mqttgames/engine/Screenshot.hpp>

#include "support/Pixels.hpp"
#include "support/PlayStage.hpp"

using connect4::Board;
using connect4::Cell;
using testsupport::brightness;
using testsupport::near;
using testsupport::pixelAt;

namespace
{

// Red wins on the rising diagonal from column 2 (bottom) to column 5; column 1 holds one disc,
// column 7 none; column 4 holds Red, Teal, Red from the bottom.
constexpr const char* Won = "44436631552232655";
// Twelve moves of the same game: Red (this side) to move, column 7 empty.
constexpr const char* Playing = "444366315522";

sf::Vector2i rounded(sf::Vector2f point)
{
    return {static_cast<int>(point.x), static_cast<int>(point.y)};
}

// SFML closes the X display with its last OpenGL context and cannot open it again in the same
// process, so one context lives as long as the test program.
void keepDisplayOpen()
{
    static const sf::Context context;
}

// A play scene of one offline match, as the launcher's screenshot builds it; Red is this side.
class Stage
{
    // First, so that it outlives the stage that borrows it.
    const connect4::Game m_game;
    testsupport::PlayStage m_play;

public:
    explicit Stage(const char* position) : m_play(m_game, position) {}

    std::string& error = m_play.error;

    const connect4::View& view() const { return dynamic_cast<const connect4::View&>(*m_play.scene().view()); }
    const engine::PlayScene& scene() const { return m_play.scene(); }
    engine::Session& session() { return m_play.session(); }
    engine::SceneStack& stack() { return m_play.stack(); }
    const engine::Theme& theme() const { return m_play.theme(); }

    /// The centre of a board cell on screen (design units).
    sf::Vector2f centre(int column, int row) const { return view().getTransform().transformPoint(view().cellCentre(column, row)); }
    /// A length of the view in design units.
    float scaled(float length) const { return length * view().getScale().x; }

    void moveMouse(sf::Vector2f point)
    {
        sf::Event event;
        event.type = sf::Event::MouseMoved;
        event.mouseMove = {rounded(point).x, rounded(point).y};
        m_play.stack().handleEvent(event);
    }

    void click(sf::Vector2f point)
    {
        sf::Event event;
        event.type = sf::Event::MouseButtonPressed;
        event.mouseButton = {sf::Mouse::Left, rounded(point).x, rounded(point).y};
        m_play.stack().handleEvent(event);
        m_play.stack().applyPendingChanges();
    }

    /// Draws the scenes as they are now, without letting anything move.
    sf::Image snapshot()
    {
        sf::RenderTexture texture;
        if (!texture.create(640, 760))
            error = "cannot create an offscreen image";
        texture.clear();
        m_play.stack().draw(texture);
        texture.display();
        return texture.getTexture().copyToImage();
    }

};

} // namespace

TEST_CASE("connect4 screenshot")
{
    REQUIRE(engine::displayAvailable()); // run with DISPLAY set (label: display)
    keepDisplayOpen();
    Stage stage(Won);
    INFO(stage.error);
    REQUIRE(stage.error.empty());
    sf::Image image;
    REQUIRE(testsupport::capture(stage.stack(), "connect4", image, stage.error));
    const engine::Theme& theme = stage.theme();
    const float discRadius = stage.scaled(connect4::View::CellSize * 0.385f);
    const auto at = [&](sf::Vector2f point) { return pixelAt(image, point); };

    SECTION("the image has the design size and is not blank")
    {
        REQUIRE(image.getSize() == sf::Vector2u(640, 760));
        CHECK(testsupport::colourChanges(image) > 100);
    }

    SECTION("the board lies in the area the scene gives it, below the status bar")
    {
        const sf::Vector2f topLeft = stage.view().getTransform().transformPoint(0.f, 0.f);
        CHECK(stage.scene().boardArea().contains(topLeft));
        CHECK(topLeft.y > 90.f);
        CHECK(stage.centre(0, 0).x < stage.centre(6, 0).x);
        CHECK(stage.centre(0, 0).y > stage.centre(0, 5).y); // row 0 is the bottom
    }

    SECTION("the winning four is highlighted and the other discs step back")
    {
        const Board board(Won);
        const auto line = board.winningLine();
        REQUIRE(line);
        CHECK(board.winner() == connect4::Disc::First);
        for (const Cell cell : *line)
        {
            INFO("column " << cell.column + 1 << ", row " << cell.row + 1);
            // The stroke through the four runs over their centres; each wears a ring at its rim.
            CHECK(near(at(stage.centre(cell.column, cell.row)), theme.accent));
            const sf::Vector2f rim = stage.centre(cell.column, cell.row) + sf::Vector2f(-1.f, -1.f) * (discRadius * 0.93f / 1.4142f);
            CHECK(near(at(rim), theme.accent));
        }
        // Inside the ring, a winning disc shows its own colour at full strength.
        const Cell first = line->front();
        CHECK(near(at(stage.centre(first.column, first.row) + sf::Vector2f(0.f, discRadius * 0.5f)), theme.playerOne));
        // Off the line, Red and Teal are dimmed but keep their hue.
        const sf::Color red = at(stage.centre(3, 0) + sf::Vector2f(0.f, discRadius * 0.8f));
        const sf::Color teal = at(stage.centre(3, 1) + sf::Vector2f(0.f, discRadius * 0.8f));
        CHECK(brightness(red) < brightness(theme.playerOne) - 60);
        CHECK(red.r > red.g + 30);
        CHECK(teal.g > teal.r + 30);
        CHECK(teal.b > teal.r + 30);
    }

    SECTION("empty holes are dark and the plate between them is the board's blue")
    {
        const sf::Color hole = engine::mix(theme.background, sf::Color::Black, 0.35f);
        for (const sf::Vector2f empty : {stage.centre(6, 0), stage.centre(0, 5), stage.centre(0, 1)})
            CHECK(near(at(empty), hole, 12));
        const sf::Color plate = at((stage.centre(0, 0) + stage.centre(1, 1)) / 2.f);
        CHECK(plate.b > plate.r + 60);
        CHECK(plate.b > plate.g + 40);
    }
}

TEST_CASE("connect4::View")
{
    REQUIRE(engine::displayAvailable()); // run with DISPLAY set (label: display)
    keepDisplayOpen();
    Stage stage(Playing);
    INFO(stage.error);
    REQUIRE(stage.error.empty());
    stage.stack().update(sf::seconds(1.f));
    stage.stack().applyPendingChanges();
    const engine::Theme& theme = stage.theme();
    const float discRadius = stage.scaled(connect4::View::CellSize * 0.385f);

    SECTION("hovering a column lights it, holds our disc above it and shows a ghost where it would land")
    {
        stage.moveMouse(stage.centre(6, 3));
        REQUIRE(stage.view().hoveredColumn() == 6);
        const sf::Image image = stage.snapshot();
        INFO(stage.error);
        REQUIRE(stage.error.empty());

        const sf::Vector2f held = {stage.centre(6, 0).x, stage.view().getTransform().transformPoint(0.f, connect4::View::StripHeight / 2.f).y};
        CHECK(near(pixelAt(image, held + sf::Vector2f(discRadius * 0.85f, 0.f)), theme.playerOne));
        const sf::Color ghost = pixelAt(image, stage.centre(6, 0) + sf::Vector2f(discRadius * 0.85f, 0.f));
        CHECK(ghost.r > ghost.g + 25);
        CHECK(brightness(ghost) < brightness(theme.playerOne) - 100);
        // The plate beside the holes is lighter in the hovered column than in its neighbour.
        const sf::Vector2f step = stage.centre(6, 0) - stage.centre(5, 0);
        const sf::Vector2f between = (stage.centre(6, 2) + stage.centre(6, 3)) / 2.f;
        CHECK(brightness(pixelAt(image, between)) > brightness(pixelAt(image, between - step)) + 10);

        // The last move (Teal's, in column 2) is marked at the centre of its disc.
        const auto& round = static_cast<const engine::TurnRound<connect4::Rules>&>(*stage.session().round());
        REQUIRE(round.state().board.moves().back() == '2');
        const sf::Vector2f last = stage.centre(1, round.state().board.height(1) - 1);
        CHECK(brightness(pixelAt(image, last)) > brightness(theme.playerTwo) + 60);
        CHECK(near(pixelAt(image, last + sf::Vector2f(0.f, discRadius * 0.5f)), theme.playerTwo));

        stage.moveMouse({10.f, 10.f});
        CHECK_FALSE(stage.view().hoveredColumn());
    }

    SECTION("a click plays the column; the disc falls from above the board into its cell")
    {
        stage.moveMouse(stage.centre(6, 3));
        stage.click(stage.centre(6, 3));
        const auto& round = static_cast<const engine::TurnRound<connect4::Rules>&>(*stage.session().round());
        REQUIRE(round.state().board == Board(std::string(Playing) + "7"));

        stage.stack().update(sf::seconds(0.12f));
        CHECK(stage.stack().isAnimating());
        sf::Image image = stage.snapshot();
        // Early in the fall the disc is still above the plate, and its cell is still empty.
        const sf::Vector2f plateTop = stage.view().getTransform().transformPoint(0.f, connect4::View::StripHeight);
        bool seenAbove = false;
        for (float y = plateTop.y - 1.f; y > plateTop.y - stage.scaled(connect4::View::StripHeight); --y)
            seenAbove = seenAbove || near(pixelAt(image, {stage.centre(6, 0).x, y}), theme.playerOne);
        CHECK(seenAbove);
        CHECK_FALSE(near(pixelAt(image, stage.centre(6, 0) + sf::Vector2f(0.f, discRadius * 0.5f)), theme.playerOne, 60));

        for (int frame = 0; frame < 120 && stage.stack().isAnimating(); ++frame)
            stage.stack().update(sf::seconds(1.f / 60.f));
        CHECK_FALSE(stage.stack().isAnimating());
        image = stage.snapshot();
        // It landed, and it won: columns 4 to 7 of the bottom row are Red's.
        CHECK(near(pixelAt(image, stage.centre(6, 0) + sf::Vector2f(0.f, discRadius * 0.5f)), theme.playerOne));
        CHECK(near(pixelAt(image, stage.centre(6, 0)), theme.accent));
        CHECK(stage.session().phase() == engine::Phase::RoundOver);
    }
}
