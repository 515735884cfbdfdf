#include "KnownDefects.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>
#include <cmath>

namespace qc::fuzz::known {

namespace {
// 2^62: below it, one sum of two values cannot overflow int64.
constexpr long double kLimit = 4611686018427387904.0L;

bool isDigit(char c)
{
    return c >= '0' && c <= '9';
}

int digitValue(char c)
{
    if (isDigit(c))
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 99;
}
} // namespace

bool mayOverflowInt64(const QByteArray& text)
{
    // Integer fields (CSV params and layers, a profile file's inventory) are read as integer syntax only:
    // decimal, or 0x / 0o as yaml-cpp reads them. Tokens with a fraction or exponent are doubles, never
    // integers there, and stay fuzzed.
    long double sum = 0;
    const qsizetype n = text.size();
    qsizetype i = 0;
    while (i < n) {
        if (!isDigit(text[i])) {
            ++i;
            continue;
        }
        int base = 10;
        if (text[i] == '0' && i + 1 < n && (text[i + 1] == 'x' || text[i + 1] == 'X')) {
            base = 16;
            i += 2;
        } else if (text[i] == '0' && i + 1 < n && (text[i + 1] == 'o' || text[i + 1] == 'O')) {
            base = 8;
            i += 2;
        }
        long double value = 0;
        while (i < n && digitValue(text[i]) < base) {
            value = value * base + digitValue(text[i]);
            ++i;
        }
        sum += value;
        if (sum >= kLimit)
            return true;
    }
    return false;
}

bool mayOverflowSafetensors(const QByteArray& file)
{
    if (file.size() < 8)
        return false;
    const quint64 length = qFromLittleEndian<quint64>(file.constData());
    if (length > quint64(file.size() - 8))
        return false; // refused as truncated before any number is read
    const QJsonDocument header = QJsonDocument::fromJson(file.mid(8, qsizetype(length)));
    if (!header.isObject())
        return false;
    long double total = 0;
    const QJsonObject tensors = header.object();
    for (auto it = tensors.begin(); it != tensors.end(); ++it) {
        const QJsonObject tensor = it.value().toObject();
        long double numel = 1;
        for (const QJsonValue& dim : tensor.value(QLatin1String("shape")).toArray()) {
            const long double d = std::fabs((long double)dim.toDouble());
            if (d >= kLimit)
                return true;
            numel *= d;
        }
        // A product past int64 is refused with a checked multiply; below that, the sum over tensors is not.
        if (numel < 9.3e18L)
            total += numel;
        for (const QJsonValue& offset : tensor.value(QLatin1String("data_offsets")).toArray()) {
            if (std::fabs((long double)offset.toDouble()) >= kLimit)
                return true;
        }
        if (total >= kLimit)
            return true;
    }
    return false;
}

} // namespace qc::fuzz::known
