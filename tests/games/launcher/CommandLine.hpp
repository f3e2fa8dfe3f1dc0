#pragma once

#include <optional>
#include <string>
#include <vector>

#include "AllGames.hpp"
#include "GameRegistry.hpp"
#include "Options.hpp"

/// The launcher's options from these words (the program name is added); `status` is set when
/// parsing says the program should stop (an error, --help).
inline runner::Options parseCommandLine(std::vector<std::string> words, std::optional<int>& status)
{
    const runner::GameRegistry registry(launcher::allGames());
    words.insert(words.begin(), "mqttgames");
    std::vector<char*> argv;
    for (auto& word : words)
        argv.push_back(word.data());
    runner::Options options;
    status = runner::parseOptions(static_cast<int>(argv.size()), argv.data(), registry, options);
    return options;
}
