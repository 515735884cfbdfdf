#include "ReportDocument.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace qc {

namespace {
QString escapeHtml(const QString& text)
{
    return text.toHtmlEscaped();
}

// `code` spans become <code>, **strong** spans <strong>; everything else is escaped.
QString inlineHtml(const QString& text)
{
    static const QRegularExpression span(QStringLiteral("`([^`]*)`|\\*\\*([^*]+)\\*\\*"));
    QString out;
    qsizetype last = 0;
    for (QRegularExpressionMatchIterator it = span.globalMatch(text); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        out += escapeHtml(text.mid(last, m.capturedStart() - last));
        out += m.capturedLength(1) > 0 || m.captured(0).startsWith(u'`')
            ? QStringLiteral("<code>") + escapeHtml(m.captured(1)) + QStringLiteral("</code>")
            : QStringLiteral("<strong>") + escapeHtml(m.captured(2)) + QStringLiteral("</strong>");
        last = m.capturedEnd();
    }
    return out + escapeHtml(text.mid(last));
}

QString markdownCell(const QString& text)
{
    QString cell = text;
    return cell.replace(QLatin1Char('|'), QStringLiteral("\\|")).replace(QLatin1Char('\n'), QLatin1Char(' '));
}

QByteArray readFile(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

const char* const kStyle
    = R"(body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222}
table{border-collapse:collapse;margin:1em 0;font-size:14px}th,td{border:1px solid #ccc;padding:3px 8px;text-align:left}
th{background:#f2f2f2}code{background:#f4f4f4;padding:0 3px;border-radius:3px}figure{margin:1.5em 0}
figure svg,figure img{max-width:100%;height:auto;border:1px solid #ddd}figcaption{color:#555;font-size:14px}
)";
} // namespace

void ReportDocument::heading(int level, const QString& text)
{
    Block b;
    b.kind = Block::Kind::Heading;
    b.level = level;
    b.text = text;
    m_blocks.push_back(b);
}

void ReportDocument::paragraph(const QString& text)
{
    Block b;
    b.kind = Block::Kind::Paragraph;
    b.text = text;
    m_blocks.push_back(b);
}

void ReportDocument::table(const QStringList& header, std::vector<QStringList> rows)
{
    Block b;
    b.kind = Block::Kind::Table;
    b.header = header;
    b.rows = std::move(rows);
    m_blocks.push_back(b);
}

void ReportDocument::list(const QStringList& items)
{
    Block b;
    b.kind = Block::Kind::List;
    b.items = items;
    m_blocks.push_back(b);
}

void ReportDocument::image(const QString& caption, const QString& png, const QString& svg)
{
    Block b;
    b.kind = Block::Kind::Image;
    b.text = caption;
    b.png = png;
    b.svg = svg;
    m_blocks.push_back(b);
}

QByteArray ReportDocument::toMarkdown() const
{
    QString md;
    for (const Block& b : m_blocks) {
        switch (b.kind) {
        case Block::Kind::Heading:
            md += QString(b.level, QLatin1Char('#')) + QLatin1Char(' ') + b.text + QStringLiteral("\n\n");
            break;
        case Block::Kind::Paragraph:
            md += b.text + QStringLiteral("\n\n");
            break;
        case Block::Kind::List:
            for (const QString& item : b.items)
                md += QStringLiteral("- ") + item + QLatin1Char('\n');
            md += QLatin1Char('\n');
            break;
        case Block::Kind::Image:
            md += QStringLiteral("![%1](%2)\n\n*%1* ([SVG](%3))\n\n").arg(b.text, b.png, b.svg);
            break;
        case Block::Kind::Table: {
            QStringList head;
            for (const QString& h : b.header)
                head.append(markdownCell(h));
            md += QStringLiteral("| ") + head.join(QStringLiteral(" | ")) + QStringLiteral(" |\n|");
            for (qsizetype i = 0; i < b.header.size(); ++i)
                md += QStringLiteral("---|");
            md += QLatin1Char('\n');
            for (const QStringList& row : b.rows) {
                QStringList cells;
                for (const QString& c : row)
                    cells.append(markdownCell(c));
                md += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
            }
            md += QLatin1Char('\n');
            break;
        }
        }
    }
    return md.toUtf8();
}

QByteArray ReportDocument::toHtml(const QString& title, const QString& folder) const
{
    QString html = QStringLiteral("<!DOCTYPE html>\n<html lang=\"en\"><head><meta "
                                  "charset=\"utf-8\"><title>%1</title><style>%2</style></head><body>\n")
                       .arg(escapeHtml(title), QString::fromLatin1(kStyle));
    const QDir dir(folder);
    for (const Block& b : m_blocks) {
        switch (b.kind) {
        case Block::Kind::Heading:
            html += QStringLiteral("<h%1>%2</h%1>\n").arg(b.level).arg(inlineHtml(b.text));
            break;
        case Block::Kind::Paragraph:
            html += QStringLiteral("<p>") + inlineHtml(b.text) + QStringLiteral("</p>\n");
            break;
        case Block::Kind::List:
            html += QStringLiteral("<ul>");
            for (const QString& item : b.items)
                html += QStringLiteral("<li>") + inlineHtml(item) + QStringLiteral("</li>");
            html += QStringLiteral("</ul>\n");
            break;
        case Block::Kind::Image: {
            QString figure;
            const QByteArray svg = b.svg.isEmpty() ? QByteArray() : readFile(dir.filePath(b.svg));
            const qsizetype start = svg.indexOf("<svg");
            if (start >= 0)
                figure = QString::fromUtf8(svg.mid(start));
            else
                figure = QStringLiteral("<img alt=\"%1\" src=\"data:image/png;base64,%2\">")
                             .arg(escapeHtml(b.text),
                                 QString::fromLatin1(readFile(dir.filePath(b.png)).toBase64()));
            html += QStringLiteral("<figure>") + figure + QStringLiteral("<figcaption>") + inlineHtml(b.text)
                + QStringLiteral("</figcaption></figure>\n");
            break;
        }
        case Block::Kind::Table:
            html += QStringLiteral("<table><tr>");
            for (const QString& h : b.header)
                html += QStringLiteral("<th>") + inlineHtml(h) + QStringLiteral("</th>");
            html += QStringLiteral("</tr>\n");
            for (const QStringList& row : b.rows) {
                html += QStringLiteral("<tr>");
                for (const QString& c : row)
                    html += QStringLiteral("<td>") + inlineHtml(c) + QStringLiteral("</td>");
                html += QStringLiteral("</tr>\n");
            }
            html += QStringLiteral("</table>\n");
            break;
        }
    }
    html += QStringLiteral("</body></html>\n");
    return html.toUtf8();
}

} // namespace qc
