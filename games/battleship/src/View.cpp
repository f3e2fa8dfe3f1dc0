#include <mqttgames/battleship/View.hpp>

#include <algorithm>
#include <array>

#include <SFML/Graphics/RenderTarget.hpp>

#include <mqttgames/engine/Shapes.hpp>
#include <mqttgames/engine/Text.hpp>

#include "FoundSea.hpp"

namespace battleship
{

namespace
{
constexpr float SeaGap = 16.f;
constexpr float CardTop = SeaView::Height + 16.f;
constexpr float ButtonWidth = 116.f;
constexpr float ButtonHeight = 44.f;

std::string shortText(const std::string& text, std::size_t most)
{
    return text.size() > most ? text.substr(0, most) + "\xE2\x80\xA6" : text;
}
} // namespace

View::View(const Round& round, const engine::FontHolder& fonts, const engine::Theme& theme)
    : m_round(&round),
      m_fonts(&fonts),
      m_theme(&theme),
      m_own(fonts, theme, {0.f, 0.f}, "Your fleet"),
      m_target(fonts, theme, {SeaView::Width + SeaGap, 0.f}, "Enemy waters"),
      m_placement(fonts, theme, m_own,
                  {Width - 20.f - ButtonWidth, CardTop + (Height - CardTop - ButtonHeight) / 2.f, ButtonWidth, ButtonHeight})
{
    m_card = engine::roundedRect({0.f, CardTop, Width, Height - CardTop}, 18.f, theme.panel);
    rebuild();
}

bool View::isPlacing() const
{
    return !m_round->isWatched() && m_round->protocol().stage() == Stage::Placing && !m_round->protocol().ownSea();
}

std::optional<engine::Action> View::handleEvent(const sf::Event& event, sf::Vector2f pointer, bool mayAct)
{
    m_mayAct = mayAct;
    std::optional<std::string> action;
    if (!isPlacing() || !mayAct)
        m_placement.cancel();
    if (isPlacing())
        action = mayAct ? m_placement.handleEvent(event, pointer) : std::nullopt;
    else
        action = handleShooting(event, pointer);
    if (m_shownKey != stateKey())
        rebuild();
    return mayAct ? action : std::nullopt;
}

std::optional<std::string> View::handleShooting(const sf::Event& event, sf::Vector2f pointer)
{
    const auto aimed = [&]() -> std::optional<Coord>
    {
        const auto cell = m_target.cellAt(pointer);
        if (!cell || !m_mayAct || m_round->protocol().stage() != Stage::Shooting || m_round->protocol().targetSea().isShot(*cell))
            return std::nullopt;
        return cell;
    };
    switch (event.type)
    {
        case sf::Event::MouseMoved: m_hover = aimed(); break;
        case sf::Event::MouseLeft: m_hover.reset(); break;
        case sf::Event::MouseButtonPressed:
            if (event.mouseButton.button == sf::Mouse::Left)
                if (const auto cell = aimed())
                {
                    m_hover.reset();
                    return toString(*cell);
                }
            break;
        default: break;
    }
    return std::nullopt;
}

bool View::update(sf::Time dt, bool mayAct)
{
    m_mayAct = mayAct;
    const bool moving = m_placement.update(dt);
    if (m_hover && (!mayAct || m_round->protocol().stage() != Stage::Shooting || m_round->protocol().targetSea().isShot(*m_hover)))
        m_hover.reset();
    if (!isPlacing() || !mayAct)
        m_placement.cancel();
    if (m_shownKey != stateKey())
        rebuild();
    return moving;
}

std::string View::stateKey() const
{
    std::string key = std::to_string(m_round->revision()) + (m_mayAct ? "m" : "");
    if (isPlacing())
        key += m_placement.stateKey();
    if (m_hover)
        key += "h" + toString(*m_hover);
    return key;
}

void View::rebuild()
{
    m_shownKey = stateKey();
    if (m_round->isWatched())
        return paintWatched();
    paintOwnSea();
    paintTargetSea();
    paintCard();
}

void View::paintWatched()
{
    const engine::Theme& theme = *m_theme;
    const PublicRecord record = m_round->publicRecord();
    m_cardShapes.clear();
    m_cardTexts.clear();
    const std::array<SeaView*, 2> seas{&m_own, &m_target};
    const std::array<sf::Color, 2> colors{theme.playerOne, theme.playerTwo};
    for (int side = 0; side < 2; ++side)
    {
        SeaView& view = *seas[side];
        view.clear();
        view.setTitle(std::string(sideName(side)) + "'s fleet");
        paintFoundSea(view, record.seaOf(side), record.fleetOf(side), colors[side], theme);
        if (!record.hasPlaced(side))
            view.setVeil("Placing its fleet\xE2\x80\xA6", "");
    }
    // The last shot, or the one waiting for its answer, ringed on the sea it hit.
    if (const auto& pending = record.pendingShot())
        seas[1 - record.shooter()]->addRing(*pending, theme.accent);
    else if (!record.shots().empty())
        seas[record.shooter()]->addRing(record.shots().back().shot, theme.accent);

    // The status bar says the result and the footer the last shot: the card says what comes next.
    std::string headline;
    switch (record.stage())
    {
        case Stage::Placing: headline = "The fleets are being placed"; break;
        case Stage::Shooting:
            headline = record.pendingShot() ? std::string(sideName(record.shooter())) + " fires at " + toString(*record.pendingShot()) + "\xE2\x80\xA6"
                                            : std::string(sideName(record.shooter())) + " to shoot";
            break;
        case Stage::Revealing: headline = "A fleet is sunk: both are revealed and checked"; break;
        case Stage::Over: headline = record.forfeit() == PublicRecord::Forfeit::None ? "Both fleets revealed" : record.resultText(); break;
    }
    const float middle = CardTop + (Height - CardTop) / 2.f;
    m_cardTexts.push_back(engine::leftText(m_fonts->get(engine::FontId::Bold), headline, 20,
                                           record.stage() == Stage::Shooting ? colors[record.shooter()] : theme.text, {24.f, middle - 14.f}));
    const bool revealed = record.fleetOf(0) || record.fleetOf(1);
    m_cardTexts.push_back(engine::leftText(m_fonts->get(engine::FontId::Regular),
                                           revealed ? "The fleets as revealed at the end; faint ships were never found"
                                                    : "Fleets stay hidden until the end: sunk ships show as they go down",
                                           14, theme.mutedText, {24.f, middle + 14.f}));
}

void View::paintOwnSea()
{
    const engine::Theme& theme = *m_theme;
    const sf::Color side = m_round->protocol().localStarts() ? theme.playerOne : theme.playerTwo;
    const sf::Color hull = engine::mix(theme.panelRaised, side, 0.55f);
    m_own.clear();
    const OwnSea* sea = m_round->protocol().ownSea();
    const Fleet& fleet = sea ? sea->fleet() : m_placement.draft();

    std::vector<std::pair<int, bool>> roster;
    for (std::size_t i = 0; i < fleet.ships().size(); ++i)
        roster.emplace_back(fleet.ships()[i].length, !(sea && sea->isSunk(i)));
    if (!sea)
        m_placement.paint(m_own, hull, side);
    else
        for (std::size_t i = 0; i < fleet.ships().size(); ++i)
        {
            const Ship& ship = fleet.ships()[i];
            if (sea->isSunk(i))
                m_own.addShip(ship, engine::mix(theme.panel, side, 0.22f), engine::fade(side, 0.45f), 1.5f);
            else
                m_own.addShip(ship, hull, side);
        }

    std::ranges::sort(roster, [](const auto& a, const auto& b) { return a.first > b.first; });
    std::vector<int> lengths;
    std::vector<bool> afloat;
    int floating = 0;
    for (const auto& [length, floats] : roster)
    {
        lengths.push_back(length);
        afloat.push_back(floats);
        floating += floats ? 1 : 0;
    }
    m_own.setRoster(lengths, afloat, side, engine::mix(theme.panelRaised, theme.bad, 0.35f));

    if (!sea)
    {
        m_own.setCaption(isPlacing() ? "not placed yet" : "", theme.mutedText);
        return;
    }
    m_own.setCaption(std::to_string(floating) + " of " + std::to_string(fleet.ships().size()) + " afloat",
                     floating < 5 ? theme.warning : theme.mutedText);
    for (int index = 0; index < SeaCells; ++index)
    {
        const Coord cell = coordAt(index);
        const auto answer = sea->answerAt(cell);
        if (!answer)
            continue;
        if (answer->outcome == ShotOutcome::Miss)
        {
            m_own.tintTile(cell, engine::mix(theme.panelRaised, theme.panel, 0.55f));
            m_own.addMiss(cell);
            continue;
        }
        const auto ship = fleet.shipAt(cell);
        m_own.addHit(cell, ship && sea->isSunk(*ship) ? theme.bad : theme.warning);
    }
    if (const auto last = m_round->protocol().lastIncoming())
        m_own.addRing(*last, theme.accent);
}

void View::paintTargetSea()
{
    const engine::Theme& theme = *m_theme;
    const sf::Color enemy = m_round->protocol().localStarts() ? theme.playerTwo : theme.playerOne;
    const TargetSea& sea = m_round->protocol().targetSea();
    m_target.clear();

    if (m_round->protocol().stage() == Stage::Placing)
    {
        paintFoundSea(m_target, sea, std::nullopt, enemy, theme); // the fleet still whole beneath
        m_target.setCaption("hidden", theme.mutedText);
        if (!m_round->protocol().ownSea())
            m_target.setVeil(m_round->protocol().partnerHasPlaced() ? "The partner is ready" : "Enemy fleet hidden",
                             "shots open once both are ready");
        else
            m_target.setVeil("Waiting for the partner\xE2\x80\xA6", "its fleet is being placed");
        return;
    }
    paintFoundSea(m_target, sea, m_round->protocol().revealedFleet(), enemy, theme);
    if (const auto& answers = m_round->protocol().answersReceived(); !answers.empty() && !m_round->protocol().pendingShot())
        m_target.addRing(answers.back().shot, engine::fade(theme.text, 0.55f));
    if (const auto pending = m_round->protocol().pendingShot())
    {
        m_target.tintTile(*pending, engine::mix(theme.panelRaised, theme.accent, 0.3f));
        m_target.addRing(*pending, theme.accent);
    }
    if (m_hover)
    {
        m_target.tintTile(*m_hover, engine::mix(theme.panelRaised, theme.text, 0.16f));
        m_target.addRing(*m_hover, theme.accent);
        m_target.highlightLabels(*m_hover);
    }
}

void View::paintCard()
{
    const engine::Theme& theme = *m_theme;
    const sf::Font& bold = m_fonts->get(engine::FontId::Bold);
    const sf::Font& regular = m_fonts->get(engine::FontId::Regular);
    m_cardShapes.clear();
    m_cardTexts.clear();
    const float middle = CardTop + (Height - CardTop) / 2.f;
    const auto headline = [&](const std::string& text, sf::Color color, float x = 24.f)
    { m_cardTexts.push_back(engine::leftText(bold, text, 20, color, {x, middle - 14.f})); };
    const auto detail = [&](const std::string& text, float x = 24.f)
    { m_cardTexts.push_back(engine::leftText(regular, text, 14, theme.mutedText, {x, middle + 14.f})); };

    const Protocol& round = m_round->protocol();
    switch (round.stage())
    {
        case Stage::Placing:
            if (!round.ownSea())
            {
                headline("Place your fleet", theme.text);
                detail("Drag to move, right-click or R to rotate");
            }
            else
            {
                headline("Fleet committed", theme.text);
                detail("Sent only its SHA-256 " + shortText(round.commitment(), 12) + "; ships stay secret");
            }
            return;
        case Stage::Shooting:
        {
            if (round.pendingShot())
                headline("Firing at " + toString(*round.pendingShot()) + "\xE2\x80\xA6", theme.accent);
            else if (round.localShoots())
                headline("Your shot: pick a cell in enemy waters", theme.accent);
            else
                headline("The partner is aiming\xE2\x80\xA6", theme.mutedText);
            std::string last;
            if (!round.answersReceived().empty())
            {
                const ShotRecord& shot = round.answersReceived().back();
                last = "You: " + toString(shot.shot) + " " + toString(shot.answer.outcome);
            }
            if (const auto incoming = round.lastIncoming())
            {
                const auto answer = round.ownSea()->answerAt(*incoming);
                last += (last.empty() ? "" : "   \xC2\xB7   ") + std::string("Partner: ") + toString(*incoming) + " " +
                        (answer ? toString(answer->outcome) : "");
            }
            detail(last.empty() ? "The first to sink the whole enemy fleet wins" : last);
            return;
        }
        case Stage::Revealing:
            headline(round.localSankAll() ? "Enemy fleet sunk" : "Your fleet is sunk", round.localSankAll() ? theme.good : theme.bad);
            detail(m_round->verificationText());
            return;
        case Stage::Over: break;
    }

    if (round.revealWithheld())
        paintVerdict("Partner forfeits", "They did not reveal their fleet in time: a cheat cannot hide", false);
    else if (round.verdict()->verified())
        paintVerdict("Fleet verified",
                     "Their reveal matches the commitment and all " + std::to_string(round.answersReceived().size()) + " answers", true);
    else
        paintVerdict("Cheat detected", shortText(round.verdict()->reason, 70), false);
}

void View::paintVerdict(const std::string& headline, const std::string& detail, bool verified)
{
    // A badge with a tick or a cross, and what the check of the partner's reveal found.
    const engine::Theme& theme = *m_theme;
    const sf::Color color = verified ? theme.good : theme.bad;
    const float middle = CardTop + (Height - CardTop) / 2.f;
    const sf::Vector2f badge{24.f + 22.f, middle};
    sf::ConvexShape disc = engine::roundedRect({badge.x - 22.f, badge.y - 22.f, 44.f, 44.f}, 22.f, engine::fade(color, 0.18f));
    disc.setOutlineThickness(2.f);
    disc.setOutlineColor(color);
    m_cardShapes.push_back(disc);
    if (verified)
    {
        m_cardShapes.push_back(engine::capsule({badge.x - 10.f, badge.y + 1.f}, {badge.x - 3.f, badge.y + 8.f}, 4.5f, color));
        m_cardShapes.push_back(engine::capsule({badge.x - 3.f, badge.y + 8.f}, {badge.x + 10.f, badge.y - 8.f}, 4.5f, color));
    }
    else
    {
        m_cardShapes.push_back(engine::capsule({badge.x - 8.f, badge.y - 8.f}, {badge.x + 8.f, badge.y + 8.f}, 4.5f, color));
        m_cardShapes.push_back(engine::capsule({badge.x - 8.f, badge.y + 8.f}, {badge.x + 8.f, badge.y - 8.f}, 4.5f, color));
    }
    const float textLeft = 24.f + 60.f;
    m_cardTexts.push_back(engine::leftText(m_fonts->get(engine::FontId::Bold), headline, 20, color, {textLeft, middle - 14.f}));
    m_cardTexts.push_back(engine::leftText(m_fonts->get(engine::FontId::Regular), detail, 14, theme.mutedText, {textLeft, middle + 14.f}));
}

void View::draw(sf::RenderTarget& target, sf::RenderStates states) const
{
    states.transform *= getTransform();
    target.draw(m_own, states);
    target.draw(m_target, states);
    target.draw(m_card, states);
    for (const auto& shape : m_cardShapes)
        target.draw(shape, states);
    for (const auto& text : m_cardTexts)
        target.draw(text, states);
    if (isPlacing())
        target.draw(m_placement, states);
}

} // namespace battleship
