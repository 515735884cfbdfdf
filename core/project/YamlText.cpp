#include "YamlText.h"

#include <QLocale>
#include <QRegularExpression>

namespace qc {

QString yamlScalar(const QString& text)
{
    static const QRegularExpression plain(QStringLiteral(R"(^[A-Za-z_][A-Za-z0-9_.\-/]*$)"));
    static const QRegularExpression reserved(QStringLiteral(R"(^(y|n|yes|no|true|false|on|off|null|~)$)"),
        QRegularExpression::CaseInsensitiveOption);
    if (plain.match(text).hasMatch() && !reserved.match(text).hasMatch()) return text;
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
    if (value == 0.0) return QStringLiteral("0.0");
    QString s = QString::number(value, 'g', QLocale::FloatingPointShortest);
    // Keep it a float for every YAML reader: "3" reads back as an integer, and PyYAML (YAML 1.1) reads
    // "1e+20" as a string unless the mantissa has a dot.
    const qsizetype e = s.indexOf(QLatin1Char('e'));
    const QStringView mantissa = QStringView(s).left(e < 0 ? s.size() : e);
    if (!mantissa.contains(QLatin1Char('.'))) s.insert(e < 0 ? s.size() : e, QLatin1String(".0"));
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
