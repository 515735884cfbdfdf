#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <vector>

namespace qc {

// A review report as a list of blocks, written both as Markdown and as one self-contained HTML page from
// the same content, so the two never drift apart.
class ReportDocument
{
public:
    struct Block
    {
        enum class Kind { Heading, Paragraph, Table, Image, List };
        Kind kind = Kind::Paragraph;
        int level = 1; // Heading
        QString text; // Heading, Paragraph (inline `code` allowed), Image: caption
        QStringList header; // Table
        std::vector<QStringList> rows; // Table
        QStringList items; // List
        QString png; // Image: file names relative to the report folder
        QString svg;
    };

    void heading(int level, const QString& text);
    void paragraph(const QString& text);
    void table(const QStringList& header, std::vector<QStringList> rows);
    void list(const QStringList& items);
    void image(const QString& caption, const QString& png, const QString& svg);

    const std::vector<Block>& blocks() const { return m_blocks; }

    QByteArray toMarkdown() const;
    // Images are inlined (SVG as markup, PNG as a data URI when there is no SVG): one file to mail around.
    QByteArray toHtml(const QString& title, const QString& folder) const;

private:
    std::vector<Block> m_blocks;
};

} // namespace qc
