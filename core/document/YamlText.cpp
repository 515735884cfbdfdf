#include "YamlText.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstring>
#include <iterator>

namespace qc {

namespace {
// Name characters: letters, digits, '_', '.', '-', '/'. A table, because every op name is tested on each
// of its characters once per list it appears in.
constexpr std::array<bool, 128> kPlainChars = [] {
    std::array<bool, 128> table {};
    for (char c = 'a'; c <= 'z'; ++c)
        table[size_t(c)] = true;
    for (char c = 'A'; c <= 'Z'; ++c)
        table[size_t(c)] = true;
    for (char c = '0'; c <= '9'; ++c)
        table[size_t(c)] = true;
    for (const char c : { '_', '.', '-', '/' })
        table[size_t(c)] = true;
    return table;
}();

// A plain scalar that a YAML reader could take for a boolean or null. None is longer than five characters,
// so op names never pay for the comparisons.
bool isReserved(QStringView text)
{
    if (text.size() > 5)
        return false;
    static const char* const words[] = { "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~" };
    return std::any_of(std::begin(words), std::end(words),
        [&](const char* w) { return text.compare(QLatin1String(w), Qt::CaseInsensitive) == 0; });
}

// Plain when it starts with an ASCII letter or '_' and holds only name characters: op names, ids, kinds.
bool isPlain(QStringView text)
{
    if (text.isEmpty())
        return false;
    const char16_t* p = text.utf16();
    const char16_t* const end = p + text.size();
    const char16_t first = *p;
    if (!((first >= 'a' && first <= 'z') || (first >= 'A' && first <= 'Z') || first == '_'))
        return false;
    for (; p < end; ++p) {
        if (*p >= 128 || !kPlainChars[*p])
            return false;
    }
    return !isReserved(text);
}

void appendQuoted(ByteSink& out, QStringView text)
{
    out.append('"');
    qsizetype runStart = 0; // characters that need no escape go over in runs, as UTF-8
    auto flushRun = [&](qsizetype end) {
        if (end > runStart)
            out.append(text.mid(runStart, end - runStart).toUtf8());
    };
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t u = text[i].unicode();
        const char* escape = u == '"' ? "\\\""
            : u == '\\'               ? "\\\\"
            : u == '\n'               ? "\\n"
            : u == '\t'               ? "\\t"
            : u == '\r'               ? "\\r"
                                      : nullptr;
        if (!escape && u >= 0x20)
            continue;
        flushRun(i);
        runStart = i + 1;
        if (escape) {
            out.append(escape);
        } else {
            static const char hex[] = "0123456789abcdef";
            out.append("\\x");
            out.append(hex[u >> 4]);
            out.append(hex[u & 0xf]);
        }
    }
    flushRun(text.size());
    out.append('"');
}

// Exactly QString::number(value, 'g', QLocale::FloatingPointShortest): the shortest round-trip digits (from
// std::to_chars), written in positional form when that is no longer than the exponent form (exponent with
// a sign and at least two digits). Checked against Qt on ten million values (tst_profile_document).
char* shortestNumber(char* out, double value)
{
    char scientific[40];
    const auto end
        = std::to_chars(scientific, scientific + sizeof scientific, value, std::chars_format::scientific).ptr;
    const char* p = scientific;
    if (*p == '-')
        *out++ = *p++;
    char digits[24];
    int n = 0;
    for (; p < end && *p != 'e'; ++p) {
        if (*p != '.')
            digits[n++] = *p;
    }
    int exponent = 0;
    std::from_chars(p + 1 + (p[1] == '+' ? 1 : 0), end, exponent);
    const int magnitude = exponent < 0 ? -exponent : exponent;
    const int decimalPoint = exponent + 1;
    const int exponentLength = n + (n > 1 ? 1 : 0) + 2 + (magnitude >= 100 ? 3 : 2);
    const int positionalLength = decimalPoint <= 0 ? 2 - decimalPoint + n
        : decimalPoint >= n                        ? decimalPoint
                                                   : n + 1;
    if (positionalLength <= exponentLength) {
        if (decimalPoint <= 0) {
            *out++ = '0';
            *out++ = '.';
            out = std::fill_n(out, -decimalPoint, '0');
            return std::copy_n(digits, n, out);
        }
        if (decimalPoint >= n)
            return std::fill_n(std::copy_n(digits, n, out), decimalPoint - n, '0');
        out = std::copy_n(digits, decimalPoint, out);
        *out++ = '.';
        return std::copy_n(digits + decimalPoint, n - decimalPoint, out);
    }
    *out++ = digits[0];
    if (n > 1) {
        *out++ = '.';
        out = std::copy_n(digits + 1, n - 1, out);
    }
    *out++ = 'e';
    *out++ = exponent < 0 ? '-' : '+';
    if (magnitude < 10)
        *out++ = '0';
    return std::to_chars(out, out + 4, magnitude).ptr;
}

// The characters of yamlNumber(double); returns their end.
char* yamlNumberChars(char* out, double value)
{
    auto copy = [out](const char* s) { return std::copy_n(s, std::strlen(s), out); };
    if (value == 0.0)
        return copy("0.0");
    // YAML's own spellings: "nan" and "inf" would become "nan.0" below, which no YAML reader takes for a
    // number, so a saved file holding one would not load again.
    if (std::isnan(value))
        return copy(".nan");
    if (std::isinf(value))
        return copy(value > 0 ? ".inf" : "-.inf");
    char* const begin = out;
    char* end = shortestNumber(out, value);
    // Keep it a float for every YAML reader: "3" reads back as an integer, and PyYAML (YAML 1.1) reads
    // "1e+20" as a string unless the mantissa has a dot.
    char* const e = std::find(begin, end, 'e');
    if (std::find(begin, e, '.') == e) {
        std::memmove(e + 2, e, size_t(end - e));
        e[0] = '.';
        e[1] = '0';
        end += 2;
    }
    return end;
}
} // namespace

QString yamlScalar(const QString& text)
{
    if (isPlain(text))
        return text;
    ByteSink quoted;
    appendQuoted(quoted, text);
    return QString::fromUtf8(quoted.view());
}

void appendYamlScalar(ByteSink& out, QStringView text)
{
    if (!isPlain(text))
        return appendQuoted(out, text);
    char* dst = out.growBy(text.size());
    for (const QChar c : text)
        *dst++ = char(c.unicode()); // plain is ASCII
}

QString yamlNumber(double value)
{
    char buffer[48];
    return QString::fromLatin1(buffer, yamlNumberChars(buffer, value) - buffer);
}

void appendYamlNumber(ByteSink& out, double value)
{
    char* const at = out.growBy(48);
    out.shrinkBy(48 - (yamlNumberChars(at, value) - at));
}

QString yamlNumber(qint64 value)
{
    return QString::number(value);
}

void appendYamlNumber(ByteSink& out, qint64 value)
{
    char* const at = out.growBy(24);
    out.shrinkBy(24 - (std::to_chars(at, at + 24, value).ptr - at));
}

QString yamlBool(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

} // namespace qc
