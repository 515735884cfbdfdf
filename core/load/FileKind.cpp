#include "FileKind.h"

#include "outcomes/OutcomeReader.h"

#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

namespace qc {

FileKind detectFileKind(const QString& path)
{
    const QFileInfo info(path);
    if (info.isDir())
        return FileKind::Inventory;
    const QString name = info.fileName().toLower();
    if (name.endsWith(QLatin1String(".safetensors"))
        || name.endsWith(QLatin1String(".safetensors.index.json")))
        return FileKind::Inventory;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return FileKind::Rankings; // the importer reports the open error with the file name
    const QByteArray head = file.read(64 * 1024);
    static const QRegularExpression versionKey(QStringLiteral("(^|\\n)quantcut_profiles\\s*:"));
    if (versionKey.match(QString::fromUtf8(head)).hasMatch())
        return FileKind::ProfileDocument;
    if (OutcomeReader::detect(head))
        return FileKind::Outcomes;
    if (name.endsWith(QLatin1String(".csv")) || name.endsWith(QLatin1String(".tsv"))) {
        const qsizetype end = head.indexOf('\n');
        QString header = QString::fromUtf8(end < 0 ? head : head.left(end)).trimmed().toLower();
        header.remove(QLatin1Char('"'));
        const QChar separator = header.contains(QLatin1Char('\t')) ? QLatin1Char('\t') : QLatin1Char(',');
        static const QSet<QString> inventoryColumns
            = { QStringLiteral("name"), QStringLiteral("op"), QStringLiteral("op_name"),
                  QStringLiteral("module"), QStringLiteral("op_type"), QStringLiteral("type"),
                  QStringLiteral("layer_index"), QStringLiteral("layer"), QStringLiteral("component"),
                  QStringLiteral("params"), QStringLiteral("in_features"), QStringLiteral("out_features"),
                  QStringLiteral("shape"), QStringLiteral("dtype"), QStringLiteral("bias") };
        const QStringList columns = header.split(separator);
        const bool allInventory = std::all_of(columns.begin(), columns.end(),
            [](const QString& c) { return inventoryColumns.contains(c.trimmed()); });
        if (allInventory && columns.size() >= 2)
            return FileKind::Inventory;
    }
    return FileKind::Rankings;
}

QString fileKindName(FileKind kind)
{
    switch (kind) {
    case FileKind::ProfileDocument:
        return QStringLiteral("profile file");
    case FileKind::Inventory:
        return QStringLiteral("inventory");
    case FileKind::Rankings:
        return QStringLiteral("rankings");
    case FileKind::Outcomes:
        return QStringLiteral("outcomes");
    }
    return {};
}

} // namespace qc
