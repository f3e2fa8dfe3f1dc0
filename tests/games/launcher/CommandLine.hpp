#pragma once

#include <optional>
#include <string>
#include <vector>

#include "GameRegistry.hpp"
#include "Options.hpp"

/// The launcher's options from these words (the program name is added); `status` is set when
/// parsing says the program should stop (an error, --help).
inline launcher::Options parseCommandLine(std::vector<std::string> words, std::optional<int>& status)
{
    const launcher::GameRegistry registry;
    words.insert(words.begin(), "mqttgames");
    std::vector<char*> argv;
    for (auto& word : words)
        argv.push_back(word.data());
    launcher::Options options;
    status = launcher::parseOptions(static_cast<int>(argv.size()), argv.data(), registry, options);
    return options;
}
