// The Catch main every test program shares.
#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <iostream>
#include <string>

int main(int argc, char* argv[])
{
    // Tests that need a window use the private display that CTest's fixture started
    // (tests/support/display-fixture), never whatever display the caller has.
    if (const char* state = std::getenv("MQTTGAMES_DISPLAY_STATE"))
    {
        std::ifstream in(state);
        int number = -1;
        if (!(in >> number) || number < 0)
        {
            std::cerr << "no virtual display: " << state << " was not written by tests/support/display-fixture\n";
            return 1;
        }
        ::setenv("DISPLAY", (":" + std::to_string(number)).c_str(), 1);
    }
    // What a test's programs record (a player's replays) goes to the build folder, never into the
    // home folder of whoever runs the tests.
    ::setenv("XDG_DATA_HOME", MQTTGAMES_TEST_DATA_HOME, 1);
    return Catch::Session().run(argc, argv);
}
