#include "FuzzSupport.h"

#include "io/FileError.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <memory>

namespace qc::fuzz {

QByteArray bytes(const uint8_t* data, size_t size)
{
    return QByteArray(reinterpret_cast<const char*>(data), qsizetype(size));
}

Selected select(const QByteArray& input)
{
    if (input.isEmpty())
        return {};
    return { uint8_t(input.front()), input.mid(1) };
}

std::vector<QByteArray> splitFiles(const QByteArray& content, int maxFiles)
{
    std::vector<QByteArray> files;
    const QByteArray separator(kFileSeparator);
    qsizetype from = 0;
    while (int(files.size()) + 1 < maxFiles) {
        const qsizetype at = content.indexOf(separator, from);
        if (at < 0)
            break;
        files.push_back(content.mid(from, at - from));
        from = at + separator.size();
    }
    files.push_back(content.mid(from));
    return files;
}

namespace {
// One directory per process, kept for the whole run: creating one per input would dominate the time.
QDir& scratchDir()
{
    static const std::unique_ptr<QTemporaryDir> dir = [] {
        auto made = std::make_unique<QTemporaryDir>(QDir::tempPath() + QStringLiteral("/qc-fuzz-XXXXXX"));
        if (!made->isValid()) {
            std::fprintf(stderr, "qc-fuzz: cannot create a scratch directory under %s\n",
                qPrintable(QDir::tempPath()));
            std::abort();
        }
        return made;
    }();
    static QDir path(dir->path());
    return path;
}
} // namespace

QString Scratch::fresh()
{
    QDir& dir = scratchDir();
    for (const QString& name :
        dir.entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot | QDir::Hidden)) {
        const QString path = dir.filePath(name);
        if (!QFile::remove(path))
            QDir(path).removeRecursively();
    }
    return dir.path();
}

QString Scratch::write(const QString& name, const QByteArray& data)
{
    const QString path = scratchDir().filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate) || file.write(data) != data.size()) {
        std::fprintf(stderr, "qc-fuzz: cannot write scratch file %s\n", qPrintable(path));
        std::abort();
    }
    return path;
}

void expectClean(const char* target, const std::function<void()>& run)
{
    try {
        run();
    } catch (const FileError& e) {
        // The project's own refusal: a message naming the file (and line). What the CLI turns into exit 2.
        // QC_FUZZ_VERBOSE=1 prints it, to see what a seed or a found input is refused for.
        static const bool verbose = qEnvironmentVariableIsSet("QC_FUZZ_VERBOSE");
        if (verbose)
            std::fprintf(stderr, "qc-fuzz %s: refused: %s\n", target, qPrintable(e.toString()));
    } catch (const std::exception& e) {
        fail(
            target, QStringLiteral("escaped exception (not FileError): %1").arg(QString::fromUtf8(e.what())));
    } catch (...) {
        fail(target, QStringLiteral("escaped exception of unknown type"));
    }
}

void fail(const char* target, const QString& what)
{
    std::fprintf(stderr, "==qc-fuzz== %s: %s\n", target, qPrintable(what));
    std::fflush(stderr);
    std::abort();
}

} // namespace qc::fuzz
