#include <mqttgames/engine/Headless.hpp>

#include <algorithm>
#include <cctype>
#include <deque>
#include <optional>

#include <mqttgames/engine/Loop.hpp>

#include "LineReader.hpp"

namespace engine
{

namespace
{
constexpr auto IdleWait = std::chrono::milliseconds(500);

std::string trimmed(std::string text)
{
    const auto first = text.find_first_not_of(" \t");
    const auto last = text.find_last_not_of(" \t");
    return first == std::string::npos ? std::string() : text.substr(first, last - first + 1);
}

// "y", "yes", "n", "no" in any case; nothing for any other answer.
std::optional<bool> yesOrNo(std::string text)
{
    for (char& c : text)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (text == "y" || text == "yes")
        return true;
    if (text == "n" || text == "no")
        return false;
    return std::nullopt;
}

void print(std::ostream& out, const LogEntry& entry)
{
    switch (entry.kind)
    {
        case LogEntry::Kind::Info: out << "-- " << entry.text << '\n'; break;
        case LogEntry::Kind::Notice: out << "refused: " << entry.text << '\n'; break;
        case LogEntry::Kind::Move: out << entry.text << '\n' << entry.board; break;
        case LogEntry::Kind::Result: out << "result: " << entry.text << '\n'; break;
    }
}
} // namespace

int runHeadless(Match& match, std::ostream& out, const HeadlessSettings& settings)
{
    Session& session = match.session();
    const GameInfo& info = session.game().info();
    const bool person = !match.settings().botLevel;
    out << info.title << " on " << match.settings().host << ':' << match.settings().port << ", room "
        << match.settings().room << ", as " << match.settings().name << '\n' << std::flush;

    mqtt::EventQueue queue = match.queue();
    std::deque<std::optional<std::string>> lines;
    std::optional<LineReader> reader;
    if (person)
        reader.emplace(settings.inputFd, queue, [&lines](std::optional<std::string> line) { lines.push_back(std::move(line)); });

    match.connect();
    for (Match* companion : settings.companions)
        companion->connect();

    std::size_t printed = 0; // log entries printed (or let go before they could be), counting from the first
    const auto printLog = [&]
    {
        printed = std::max(printed, session.logDropped());
        for (; printed < session.logDropped() + session.log().size(); ++printed)
            print(out, session.log()[printed - session.logDropped()]);
    };
    // Every way out shows the log first: a line may have made the last move just before "n" or "quit".
    const auto finish = [&](int status)
    {
        printLog();
        out << std::flush;
        return status;
    };
    // A prompt is shown again only when something was printed after it, or it asks something else.
    std::size_t promptedAt = 0;
    std::string lastPrompt;
    // The clocks, if any, lead the prompt as they stood when it was shown (not asked again for them).
    const auto prompt = [&](const std::string& text)
    {
        if (promptedAt == printed && lastPrompt == text)
            return;
        const std::string clocks = session.clockText();
        out << (clocks.empty() ? "" : "[" + clocks + "] ") << text;
        promptedAt = printed;
        lastPrompt = text;
    };
    Loop loop(queue);
    loop.add(match);
    for (Match* companion : settings.companions)
        loop.add(*companion);
    for (;;)
    {
        // Sleeps on the queue until something arrives or a seat's timer (a paced bot move) is due.
        loop.step(IdleWait);

        printLog();
        if (settings.stopRequested && *settings.stopRequested)
            return finish(130);

        // A line waits until it can be taken: a move on our turn, an answer after a round.
        while (!lines.empty())
        {
            const std::optional<std::string> line = lines.front();
            const std::string text = line ? trimmed(*line) : std::string();
            const bool quits = !line || text == "quit" || text == "q" || text == "exit";
            const bool courtesy = text == "resign" || text == "draw" || text == "takeback";
            const bool playing = session.phase() == Phase::Playing;
            const bool ready = session.phase() == Phase::RoundOver || session.isLocalTurn() || session.phase() == Phase::Failed ||
                               session.phase() == Phase::PartnerLeft || (playing && (courtesy || session.partnerProposal()));
            if (!quits && !ready)
                break;
            lines.pop_front();
            if (!line)
            {
                printLog();
                out << "-- end of input\n";
                return finish(0);
            }
            if (quits)
                return finish(0);
            if (session.phase() == Phase::RoundOver)
            {
                const auto again = yesOrNo(text);
                if (!again)
                    out << "please answer y (yes) or n (no)\n";
                else if (!*again)
                    return finish(0);
                else
                    session.requestRematch();
            }
            else if (const auto answer = yesOrNo(text); answer && session.partnerProposal())
                session.answer(*answer);
            else if (text == "resign")
                session.resign(); // a refusal is logged, as are the others
            else if (courtesy)
                session.propose(text == "draw" ? Session::Proposal::Draw : Session::Proposal::Takeback);
            else if (session.isLocalTurn() && !text.empty())
                session.act(text); // on our turn a move is the answer too: a proposal lapses with it
            lastPrompt.clear(); // the answer ends the line: ask afresh
        }
        printLog();

        switch (session.phase())
        {
            case Phase::Failed: return finish(1);
            case Phase::PartnerLeft:
                if (settings.games > 0 && session.roundsFinished() >= settings.games)
                    return finish(0);
                if (!person || settings.games > 0)
                    return finish(2);
                out << "-- waiting for a new partner\n";
                match.lookForPartner();
                break;
            case Phase::RoundOver:
                if (settings.games > 0 && session.roundsFinished() >= settings.games)
                    return finish(0);
                if (person)
                    prompt(session.localWantsRematch() ? "waiting for the partner to agree\n" : "play again? [y/n] ");
                break;
            case Phase::Playing:
                if (person && session.partnerProposal())
                    prompt(session.partnerName() +
                           (session.partnerProposal() == Session::Proposal::Draw ? " offers a draw" : " asks to take its move back") +
                           ": accept? [y/n] ");
                else if (person && session.isLocalTurn())
                    prompt("your move (" + session.round()->notationHelp() + "; or resign): ");
                break;
            default: break;
        }
        out << std::flush;
    }
}

} // namespace engine
