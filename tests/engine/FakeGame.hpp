#pragma once

#include <mqttgames/engine/Game.hpp>

// A tiny game for engine tests: players alternate saying a number 1-9; after three numbers the
// round is over and whoever said the largest wins. Message: {"type":"say","n":N}.
class FakeRound : public engine::Round
{
public:
    explicit FakeRound(bool localStarts) : m_localStarts(localStarts) {}

    std::vector<int> said; // in order
    bool localStarts() const { return m_localStarts; }

    engine::Turn turn() const override
    {
        if (said.size() >= 3)
            return engine::Turn::None;
        return (said.size() % 2 == 0) == m_localStarts ? engine::Turn::Local : engine::Turn::Remote;
    }
    engine::Outcome outcome() const override
    {
        if (said.size() < 3)
            return engine::Outcome::Undecided;
        const bool firstWins = std::max(said[0], said[2]) > said[1];
        const bool tie = std::max(said[0], said[2]) == said[1];
        if (tie)
            return engine::Outcome::Draw;
        return firstWins == m_localStarts ? engine::Outcome::Won : engine::Outcome::Lost;
    }
    std::string localSide() const override { return m_localStarts ? "first" : "second"; }
    std::string remoteSide() const override { return m_localStarts ? "second" : "first"; }
    std::string boardText() const override
    {
        std::string text;
        for (int n : said)
            text += std::to_string(n) + ' ';
        return text + '\n';
    }
    std::string notationHelp() const override { return "a number 1-9"; }
    std::string lastEventText() const override { return said.empty() ? "" : "said " + std::to_string(said.back()); }
    std::string resultText() const override { return said.size() < 3 ? "" : "over"; }
    engine::Reply act(std::string_view action) override
    {
        if (turn() != engine::Turn::Local)
            return engine::Reply::refuse("it is not your turn");
        if (action.size() != 1 || action[0] < '1' || action[0] > '9')
            return engine::Reply::refuse("not a number 1-9");
        said.push_back(action[0] - '0');
        return engine::Reply::accept({{"say", {{"n", said.back()}}}});
    }
    engine::Reply receive(const std::string& type, const nlohmann::json& body) override
    {
        const auto n = body.find("n");
        if (type != "say" || n == body.end() || !n->is_number_integer() || n->get<int>() < 1 || n->get<int>() > 9)
            return engine::Reply::refuse("bad say");
        said.push_back(n->get<int>());
        return engine::Reply::accept();
    }
    engine::BotJob botJob(int) const override
    {
        return [](const engine::BotControl&) { return std::string("9"); };
    }
    bool load(std::string_view, std::string&) override { return true; }

private:
    bool m_localStarts;
};

class FakeGame : public engine::Game
{
public:
    const engine::GameInfo& info() const override
    {
        static const engine::GameInfo info{"fake", "Fake", 1, {"only"}, {}};
        return info;
    }
    std::unique_ptr<engine::Round> newRound(const engine::RoundSetup& setup) const override
    {
        return std::make_unique<FakeRound>(setup.localStarts);
    }
};
