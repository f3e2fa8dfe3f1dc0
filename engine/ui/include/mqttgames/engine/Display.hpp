#pragma once

namespace engine
{

/// Whether a window can be opened (an X display answers). Checked before any SFML window is made,
/// because SFML aborts the program when it finds no display.
bool displayAvailable();

} // namespace engine
