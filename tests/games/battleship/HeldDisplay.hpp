#pragma once

/// Opens one X connection for the rest of the test program (retrying for a moment) and reports
/// whether a display answers. Xvfb resets when its last client leaves and drops connections made
/// during the reset; with this one held, the engine's display probe and SFML's own connection
/// never race a reset.
bool holdDisplay();
