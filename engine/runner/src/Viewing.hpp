#pragma once

#include <functional>
#include <string>

#include <mqttgames/mqtt/EventQueue.hpp>

#include "GameRegistry.hpp"
#include "Launch.hpp"
#include "Options.hpp"

// Matches seen by someone who does not play them: a replay file played back, a room watched live.

namespace runner
{

/// `mqttgames replay FILE`: in a window (or, with --screenshot, into a PNG of its last position), or
/// each position printed in the terminal. Returns the exit status; a bad file is refused with the
/// reason naming its line (status 1).
int runReplay(const GameRegistry& registry, const Options& options, const std::string& program, bool window);

/// `mqttgames GAME --watch --room R`: the match in room R of `choice`'s broker, live, in a window or
/// the terminal; with --record written to a replay file as well. Returns the exit status.
/// `quitWindow` is set to what closes the window, for the signal handler (Ctrl-C).
int runWatch(const Choice& choice, const Options& options, const std::string& program, bool window,
             mqtt::EventQueue queue, const bool* stopRequested, std::function<void()>& quitWindow);

} // namespace runner
