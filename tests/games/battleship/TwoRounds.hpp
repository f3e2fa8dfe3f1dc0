#pragma once

// The two-player simulator of the round tests: two rounds wired to each other in memory, and the
// fleets and helpers the tests share.

#include <catch2/catch.hpp>

#include <deque>
#include <functional>
#include <string>
#include <vector>

#include <mqttgames/battleship/Round.hpp>
#include <mqttgames/testing/WiredRound.hpp>

namespace battleshiptest
{

using battleship::Coord;
using battleship::Fleet;
using battleship::Round;
using battleship::Stage;
using engine::Turn;


inline const std::string RedFleet = "A1H5,C3V4,E5H3,G7V3,J1V2";
inline const std::string TealFleet = "B2V5,D1H4,F4V3,H9H3,A10H2";

// Two rounds wired outbox-to-receive in memory: `red` starts. Messages wait in `post` until
// deliver(); `tamper` may rewrite (or drop, returning false) a message on its way.
struct Table
{
    struct Letter
    {
        bool toRed;
        std::string type;
        nlohmann::json body;
    };

    std::deque<Letter> post;
    std::vector<std::string> refusals;
    std::function<bool(Letter&)> tamper;
    testing::WiredRound<Round> red{[this](const std::string& type, nlohmann::json body) { post.push_back({false, type, std::move(body)}); }, true};
    testing::WiredRound<Round> teal{[this](const std::string& type, nlohmann::json body) { post.push_back({true, type, std::move(body)}); }, false};

    void deliver()
    {
        for (; !post.empty(); post.pop_front())
        {
            Letter letter = post.front();
            if (tamper && !tamper(letter))
                continue;
            std::string error;
            if (!(letter.toRed ? red : teal).receive(letter.type, letter.body, error))
                refusals.push_back(letter.type + ": " + error);
        }
    }

    void placeBoth(const std::string& redFleet = RedFleet, const std::string& tealFleet = TealFleet)
    {
        std::string error;
        REQUIRE(red.act("place " + redFleet, error));
        REQUIRE(teal.act("place " + tealFleet, error));
        deliver();
    }

    // One shot by whoever's turn it is, delivered with its answer.
    void fire(Coord cell)
    {
        testing::WiredRound<Round>& shooter = red.turn() == Turn::Local ? red : teal;
        std::string error;
        INFO(battleship::toString(cell));
        REQUIRE(shooter.act(battleship::toString(cell), error));
        deliver();
    }

    // Each side shoots from its own list until the game is over.
    void playOut(std::vector<Coord> redShots, std::vector<Coord> tealShots)
    {
        std::size_t r = 0;
        std::size_t t = 0;
        while (red.protocol().stage() == Stage::Shooting)
        {
            const bool redTurn = red.turn() == Turn::Local;
            auto& shots = redTurn ? redShots : tealShots;
            std::size_t& next = redTurn ? r : t;
            REQUIRE(next < shots.size());
            fire(shots[next++]);
        }
    }
};

inline std::vector<Coord> cellsOf(const std::string& fleetText)
{
    const Fleet fleet = *Fleet::parse(fleetText);
    std::vector<Coord> cells;
    for (const auto& ship : fleet.ships())
        for (const Coord cell : ship.cells())
            cells.push_back(cell);
    return cells;
}

inline std::vector<Coord> waterOf(const std::string& fleetText)
{
    const Fleet fleet = *Fleet::parse(fleetText);
    std::vector<Coord> cells;
    for (int index = 0; index < battleship::SeaCells; ++index)
        if (!fleet.shipAt(battleship::coordAt(index)))
            cells.push_back(battleship::coordAt(index));
    return cells;
}

// What a refused message must leave alone.
inline std::string snapshot(const Round& round)
{
    return round.boardText() + std::to_string(static_cast<int>(round.turn())) + std::to_string(static_cast<int>(round.protocol().stage())) +
           std::to_string(round.protocol().answersReceived().size()) + std::to_string(round.protocol().shotsReceived());
}

} // namespace battleshiptest
