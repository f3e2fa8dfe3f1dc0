#include <mqttgames/engine/Display.hpp>

#include <cstdlib>

#include <X11/Xlib.h>

namespace engine
{

bool displayAvailable()
{
    const char* name = std::getenv("DISPLAY");
    if (!name || !*name)
        return false;
    Display* display = XOpenDisplay(nullptr);
    if (!display)
        return false;
    XCloseDisplay(display);
    return true;
}

} // namespace engine
