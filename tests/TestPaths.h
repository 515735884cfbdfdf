#pragma once

#include <QDir>
#include <QFileInfo>
#include <QString>

namespace qc::test {

// ../shared/data beside the project: real files for tests, absent on some machines (tests then QSKIP).
inline QString sharedData(const QString& relative)
{
    return QDir(QStringLiteral(QUANTCUT_SHARED_DATA)).filePath(relative);
}

inline bool hasSharedData()
{
    return QFileInfo::exists(sharedData(QStringLiteral("qwen2_5_vl_3b/ops.csv")));
}

inline QString sourcePath(const QString& relative)
{
    return QDir(QStringLiteral(QUANTCUT_SOURCE_DIR)).filePath(relative);
}

inline QString cliPath()
{
    return QStringLiteral(QUANTCUT_CLI);
}

} // namespace qc::test

#define QC_REQUIRE_SHARED_DATA()                                                                             \
    do {                                                                                                     \
        if (!qc::test::hasSharedData())                                                                      \
            QSKIP("../shared/data is absent on this machine: the test on real Qwen2.5-VL-3B files is "       \
                  "skipped");                                                                                \
    } while (false)
