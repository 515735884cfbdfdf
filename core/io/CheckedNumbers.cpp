#include "CheckedNumbers.h"

#include "FileError.h"

#include <cmath>

namespace qc {

std::optional<qint64> wholeNumber(double value)
{
    // 2^63 is exact as a double; every double below it converts without overflow.
    constexpr double kLimit = 9223372036854775808.0;
    if (!std::isfinite(value) || value != std::trunc(value) || value < -kLimit || value >= kLimit)
        return std::nullopt;
    return qint64(value);
}

std::optional<qint64> checkedAdd(qint64 a, qint64 b)
{
    qint64 sum = 0;
    if (__builtin_add_overflow(a, b, &sum))
        return std::nullopt;
    return sum;
}

std::optional<qint64> checkedMul(qint64 a, qint64 b)
{
    qint64 product = 0;
    if (__builtin_mul_overflow(a, b, &product))
        return std::nullopt;
    return product;
}

void ParamTotal::add(qint64 params, int line, const QString& what)
{
    if (params < 0)
        return; // unknown
    if (params > kMaxParams)
        throw FileError(m_file, line,
            QStringLiteral("%1 %2 is more than the %3 (2^53) parameters a model can have")
                .arg(what)
                .arg(params)
                .arg(kMaxParams));
    m_total += params; // both at most 2^53: no overflow
    if (m_total > kMaxParams)
        throw FileError(m_file, line,
            QStringLiteral("%1 %2 brings the model's parameter total to %3, more than the %4 (2^53) a model "
                           "can have")
                .arg(what)
                .arg(params)
                .arg(m_total)
                .arg(kMaxParams));
}

} // namespace qc
