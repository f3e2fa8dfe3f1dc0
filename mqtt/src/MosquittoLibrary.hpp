#pragma once

namespace mqtt::detail
{

/// Initialises libmosquitto once per process (its only global state); safe from any thread.
void ensureMosquittoLibrary();

} // namespace mqtt::detail
