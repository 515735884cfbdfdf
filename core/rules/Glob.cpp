#include "Glob.h"

#include <QRegularExpression>

namespace qc {

QString globToRegex(const QString& glob)
{
    QString rx;
    rx.reserve(glob.size() * 2 + 8);
    for (qsizetype i = 0; i < glob.size(); ++i) {
        const QChar c = glob.at(i);
        if (c == u'*') {
            rx += QLatin1String(".*");
        } else if (c == u'?') {
            rx += QLatin1Char('.');
        } else if (c == u'[') {
            qsizetype j = i + 1;
            if (j < glob.size() && glob.at(j) == u'!')
                ++j;
            if (j < glob.size() && glob.at(j) == u']')
                ++j;
            while (j < glob.size() && glob.at(j) != u']')
                ++j;
            if (j >= glob.size()) {
                rx += QLatin1String("\\[");
            } else {
                QString body = glob.mid(i + 1, j - i - 1);
                body.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
                if (body.startsWith(u'!'))
                    body[0] = u'^';
                else if (body.startsWith(u'^'))
                    body.prepend(u'\\');
                rx += QLatin1Char('[') + body + QLatin1Char(']');
                i = j;
            }
        } else {
            rx += QRegularExpression::escape(QString(c));
        }
    }
    return QRegularExpression::anchoredPattern(rx);
}

} // namespace qc
