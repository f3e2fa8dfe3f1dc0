#pragma once

#include <X11/Xlib.h>
#include <X11/Xutil.h>

#include <string>

namespace testsupport
{

/// Whether a top-level window with this title is on the test's display (DISPLAY): a program's window
/// is open, not merely its process started. (SFML sets no _NET_WM_PID, so the title is what there is.)
inline bool windowTitled(const std::string& title)
{
    Display* display = XOpenDisplay(nullptr);
    if (!display)
        return false;
    // A window may be gone between listing it and reading its name (another program's closing):
    // that is no error here, and Xlib's default handler would end this process for it.
    const XErrorHandler previous = XSetErrorHandler([](Display*, XErrorEvent*) { return 0; });
    bool found = false;
    Window root = 0, parent = 0;
    Window* children = nullptr;
    unsigned count = 0;
    if (XQueryTree(display, DefaultRootWindow(display), &root, &parent, &children, &count))
    {
        for (unsigned i = 0; i < count && !found; ++i)
        {
            char* name = nullptr;
            if (XFetchName(display, children[i], &name) && name)
            {
                found = title == name;
                XFree(name);
            }
        }
        if (children)
            XFree(children);
    }
    XSync(display, False); // errors of the calls above arrive while they are still ignored
    XSetErrorHandler(previous);
    XCloseDisplay(display);
    return found;
}

} // namespace testsupport
