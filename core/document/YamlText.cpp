#include "YamlText.h"

#include <QLocale>
#include <algorithm>
#include <cmath>
#include <iterator>

namespace qc {

namespace {
bool isPlainChar(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') || u == '_' || u == '.'
        || u == '-' || u == '/';
}

// A plain scalar that a YAML reader could take for a boolean or null.
bool isReserved(const QString& text)
{
    static const char* const words[] = { "y", "n", "yes", "no", "true", "false", "on", "off", "null", "~" };
    return std::any_of(std::begin(words), std::end(words),
        [&](const char* w) { return text.compare(QLatin1String(w), Qt::CaseInsensitive) == 0; });
}
} // namespace

QString yamlScalar(const QString& text)
{
    // Plain when it starts with a letter or '_' and holds only name characters: op names, ids, kinds.
    const bool plain = !text.isEmpty()
        && ((text.front().isLetter() && text.front().unicode() < 128) || text.front() == u'_')
        && std::all_of(text.begin(), text.end(), isPlainChar) && !isReserved(text);
    if (plain)
        return text;
    QString quoted;
    quoted.reserve(text.size() + 2);
    quoted += QLatin1Char('"');
    for (const QChar c : text) {
        switch (c.unicode()) {
        case '"':
            quoted += QLatin1String("\\\"");
            break;
        case '\\':
            quoted += QLatin1String("\\\\");
            break;
        case '\n':
            quoted += QLatin1String("\\n");
            break;
        case '\t':
            quoted += QLatin1String("\\t");
            break;
        case '\r':
            quoted += QLatin1String("\\r");
            break;
        default:
            if (c.unicode() < 0x20)
                quoted += QStringLiteral("\\x%1").arg(c.unicode(), 2, 16, QLatin1Char('0'));
            else
                quoted += c;
        }
    }
    quoted += QLatin1Char('"');
    return quoted;
}

QString yamlNumber(double value)
{
    if (value == 0.0)
        return QStringLiteral("0.0");
    // YAML's own spellings: QString::number's "nan" and "inf" would become "nan.0" below, which no YAML
    // reader takes for a number, so a saved file holding one would not load again.
    if (std::isnan(value))
        return QStringLiteral(".nan");
    if (std::isinf(value))
        return value > 0 ? QStringLiteral(".inf") : QStringLiteral("-.inf");
    QString s = QString::number(value, 'g', QLocale::FloatingPointShortest);
    // Keep it a float for every YAML reader: "3" reads back as an integer, and PyYAML (YAML 1.1) reads
    // "1e+20" as a string unless the mantissa has a dot.
    const qsizetype e = s.indexOf(QLatin1Char('e'));
    const QStringView mantissa = QStringView(s).left(e < 0 ? s.size() : e);
    if (!mantissa.contains(QLatin1Char('.')))
        s.insert(e < 0 ? s.size() : e, QLatin1String(".0"));
    return s;
}

QString yamlNumber(qint64 value)
{
    return QString::number(value);
}

QString yamlBool(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

} // namespace qc
