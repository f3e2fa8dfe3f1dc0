#pragma once

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace testsupport
{

/// A certificate authority and a server certificate for 127.0.0.1 signed by it, plus a second,
/// unrelated authority: made with the openssl command in a folder of the caller's.
struct Certificates
{
    explicit Certificates(const std::filesystem::path& folder) :
    caCert(folder / "ca.crt"),
    serverCert(folder / "server.crt"),
    serverKey(folder / "server.key"),
    otherCaCert(folder / "other-ca.crt")
    {
        const std::string dir = folder.string();
        run("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=mqttgames-test-ca -keyout " + dir + "/ca.key -out " + dir + "/ca.crt");
        run("openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=other-ca -keyout " + dir + "/other-ca.key -out " + dir + "/other-ca.crt");
        run("openssl req -newkey rsa:2048 -nodes -subj /CN=127.0.0.1 -keyout " + dir + "/server.key -out " + dir + "/server.csr");
        run("printf 'subjectAltName=IP:127.0.0.1\\n' > " + dir + "/san.ext");
        run("openssl x509 -req -in " + dir + "/server.csr -CA " + dir + "/ca.crt -CAkey " + dir + "/ca.key -CAcreateserial -days 2 -extfile " +
            dir + "/san.ext -out " + dir + "/server.crt");
    }

    std::filesystem::path caCert;
    std::filesystem::path serverCert;
    std::filesystem::path serverKey;
    std::filesystem::path otherCaCert;

private:
    static void run(const std::string& command)
    {
        if (std::system((command + " >/dev/null 2>&1").c_str()) != 0)
            throw std::runtime_error("failed: " + command);
    }
};

} // namespace testsupport
