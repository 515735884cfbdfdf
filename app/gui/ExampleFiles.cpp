#include "ExampleFiles.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace qc::gui {

QString exampleDirectory()
{
    const QString app = QCoreApplication::applicationDirPath();
    const QStringList candidates = {
        QDir(app).filePath(QStringLiteral("../") + QStringLiteral(QUANTCUT_INSTALL_DATADIR)
            + QStringLiteral("/quantcut/examples/qwen2_5_vl_3b")),
        QDir(QStringLiteral(QUANTCUT_SOURCE_EXAMPLES)).filePath(QStringLiteral("qwen2_5_vl_3b")),
    };
    for (const QString& dir : candidates) {
        if (QFileInfo::exists(QDir(dir).filePath(QStringLiteral("ops.csv"))))
            return QDir::cleanPath(dir);
    }
    return {};
}

QStringList exampleFiles()
{
    const QString dir = exampleDirectory();
    if (dir.isEmpty())
        return {};
    QStringList files;
    for (const char* name : { "ops.csv", "inc_mse_v2_debug.log", "inc_hawq_v2.log" }) {
        const QString path = QDir(dir).filePath(QString::fromLatin1(name));
        if (QFileInfo::exists(path))
            files.append(path);
    }
    return files;
}

} // namespace qc::gui
