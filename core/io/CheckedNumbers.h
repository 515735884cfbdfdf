#pragma once

#include <QString>
#include <optional>

namespace qc {

// Every whole number a file gives goes through these, so no cast, product or sum can overflow.
//
// Parameter counts, per op and summed over a model, are at most 2^53 (9e15, far beyond any model): exact as
// doubles, and the 16 bits per kept parameter of a budget still fit in 64 bits.
constexpr qint64 kMaxParams = qint64(1) << 53;

// The value of a double that is a whole number within the 64-bit range, else nullopt (NaN, inf, 1.5, 1e19).
std::optional<qint64> wholeNumber(double value);
// a + b and a * b, or nullopt when the result does not fit in 64 bits.
std::optional<qint64> checkedAdd(qint64 a, qint64 b);
std::optional<qint64> checkedMul(qint64 a, qint64 b);

// Sums the parameter counts a file states, each and the total at most kMaxParams. Throws FileError naming the
// file, the line (0: none) and the value.
class ParamTotal
{
public:
    explicit ParamTotal(QString file)
        : m_file(std::move(file))
    { }
    void add(qint64 params, int line, const QString& what = QStringLiteral("params"));
    qint64 value() const { return m_total; }

private:
    QString m_file;
    qint64 m_total = 0;
};

} // namespace qc
