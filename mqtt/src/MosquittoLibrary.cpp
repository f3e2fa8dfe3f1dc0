#include "MosquittoLibrary.hpp"

#include <mosquitto.h>

namespace mqtt::detail
{

void ensureMosquittoLibrary()
{
    struct Library
    {
        Library() { mosquitto_lib_init(); }
        ~Library() { mosquitto_lib_cleanup(); }
    };
    static const Library library; // thread-safe one-time init; cleaned up at exit
}

} // namespace mqtt::detail
