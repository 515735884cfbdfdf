#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <memory>

namespace qc {

// SHA-256 over OpenSSL's EVP digest: the one hash every fingerprint and file checksum uses. Qt's own runs at
// ~180 MB/s (76 instructions per byte); OpenSSL's uses the CPU's SHA extensions or vector code.
class Sha256
{
public:
    Sha256();
    ~Sha256();
    Sha256(const Sha256&) = delete;
    Sha256& operator=(const Sha256&) = delete;

    void addData(QByteArrayView bytes);
    QByteArray hexResult(); // lower-case hex; the hash cannot be extended afterwards

    static QByteArray hex(QByteArrayView bytes);

private:
    struct State;
    std::unique_ptr<State> m_state;
};

} // namespace qc
