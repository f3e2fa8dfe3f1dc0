#pragma once

#include <string>

namespace mqtt
{

/// How to encrypt a connection to the broker. An empty caFile means no TLS.
struct TlsOptions
{
    std::string caFile;       ///< PEM file of the certificate authority that signed the broker's certificate
    std::string certFile;     ///< optional client certificate (PEM)
    std::string keyFile;      ///< its private key (PEM)
    bool verifyHostname = true; ///< refuse a broker whose certificate does not name the host we connect to

    bool enabled() const { return !caFile.empty(); }
};

} // namespace mqtt
