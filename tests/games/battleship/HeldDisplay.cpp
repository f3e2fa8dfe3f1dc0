#include "HeldDisplay.hpp"

#include <chrono>
#include <cstdlib>
#include <thread>

#include <X11/Xlib.h>

bool holdDisplay()
{
    // Never closed: it lives as long as the test program, which is the point.
    static Display* const held = []() -> Display*
    {
        if (!std::getenv("DISPLAY"))
            return nullptr;
        for (int attempt = 0; attempt < 40; ++attempt)
        {
            if (Display* display = XOpenDisplay(nullptr))
                return display;
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
        return nullptr;
    }();
    return held != nullptr;
}
