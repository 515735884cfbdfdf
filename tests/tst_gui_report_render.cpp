// The review report is a web page people open in a browser: this renders a generated one (with measured
// outcomes, so the trade-off charts and tables are in it) in Debian's chromium, headless and with networking
// off, to a PNG, and fails on console messages or images that are missing or empty. Skips when chromium is
// not installed (packaging/build.sh installs it).
#include "CliRun.h"
#include "TestPaths.h"

#include <QDir>
#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using qc::test::CliRun;
using qc::test::runCli;

namespace {
QString chromium()
{
    for (const char* name : { "chromium", "chromium-browser" }) {
        const QString path = QStandardPaths::findExecutable(QLatin1String(name));
        if (!path.isEmpty())
            return path;
    }
    return {};
}

struct Render
{
    int code = -1;
    QStringList console; // what the page said on its console, and loads that failed
};

// chromium --headless with every network path closed (a proxy that does not exist, no name resolves):
// the page must be whole by itself.
Render render(const QString& html, const QString& png, const QString& profileDir, const QSize& size)
{
    QProcess p;
    p.setProgram(chromium());
    p.setArguments({ QStringLiteral("--headless"), QStringLiteral("--no-sandbox"),
        QStringLiteral("--disable-gpu"), QStringLiteral("--disable-dev-shm-usage"),
        QStringLiteral("--no-first-run"), QStringLiteral("--disable-extensions"),
        QStringLiteral("--disable-background-networking"), QStringLiteral("--disable-sync"),
        QStringLiteral("--disable-component-update"), QStringLiteral("--proxy-server=127.0.0.1:9"),
        QStringLiteral("--host-resolver-rules=MAP * ~NOTFOUND"),
        QStringLiteral("--user-data-dir=") + profileDir, QStringLiteral("--enable-logging=stderr"),
        QStringLiteral("--v=0"), QStringLiteral("--hide-scrollbars"),
        QStringLiteral("--window-size=%1,%2").arg(size.width()).arg(size.height()),
        QStringLiteral("--screenshot=") + png, QUrl::fromLocalFile(html).toString() });
    p.start();
    Render r;
    if (!p.waitForFinished(180000)) {
        p.kill();
        p.waitForFinished();
        r.console.append(QStringLiteral("chromium did not finish in 180 s"));
        return r;
    }
    r.code = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    static const QRegularExpression problem(
        QStringLiteral("CONSOLE|Uncaught|Failed to load|net::ERR_|ERR_FILE_NOT_FOUND|Not allowed to load"));
    for (const QString& line : QString::fromUtf8(p.readAllStandardError()).split(QLatin1Char('\n'))) {
        if (line.contains(problem))
            r.console.append(line.trimmed());
    }
    return r;
}

// Every image the HTML shows, as data it carries or files beside it: none may be missing or empty.
QStringList missingImages(const QString& html, const QDir& folder)
{
    QFile f(html);
    if (!f.open(QIODevice::ReadOnly))
        return { QStringLiteral("cannot read ") + html };
    const QString text = QString::fromUtf8(f.readAll());
    QStringList problems;
    static const QRegularExpression img(QStringLiteral("<img\\b[^>]*\\bsrc=\"([^\"]*)\""));
    for (auto it = img.globalMatch(text); it.hasNext();) {
        const QString src = it.next().captured(1);
        if (src.startsWith(QLatin1String("data:image/png;base64,"))) {
            const QImage image = QImage::fromData(QByteArray::fromBase64(src.mid(22).toLatin1()), "PNG");
            if (image.isNull() || image.width() == 0 || image.height() == 0)
                problems.append(QStringLiteral("an inlined PNG that does not decode"));
        } else if (QFileInfo(folder.filePath(src)).size() <= 0) {
            problems.append(QStringLiteral("missing or empty image ") + src);
        }
    }
    return problems;
}
} // namespace

class TestGuiReportRender : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        if (chromium().isEmpty())
            QSKIP("chromium is not installed: the report is not rendered in a browser here (apt-get install "
                  "chromium, as packaging/build.sh does)");
    }

    void theDetectorSeesProblems()
    {
        // A page with a script error and a missing image: the checks below must not pass it.
        QTemporaryDir dir;
        const QString html = dir.filePath(QStringLiteral("bad.html"));
        QFile f(html);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<!DOCTYPE html><html><body><img src=\"missing.png\"><script>throw new Error('boom')</script>"
                "</body></html>");
        f.close();
        QCOMPARE(missingImages(html, QDir(dir.path())),
            QStringList { QStringLiteral("missing or empty image missing.png") });
        const Render r = render(html, dir.filePath(QStringLiteral("bad.png")),
            dir.filePath(QStringLiteral("profile")), QSize(400, 300));
        QCOMPARE(r.code, 0);
        QVERIFY2(r.console.join(QLatin1Char('\n')).contains(QStringLiteral("Uncaught Error: boom")),
            qPrintable(r.console.join(QLatin1Char('\n'))));
    }

    void reportWithOutcomesRendersCleanly()
    {
        QTemporaryDir dir;
        const auto data = [](const char* file) { return qc::test::sourcePath(QLatin1String(file)); };
        const QString profiles = dir.filePath(QStringLiteral("p.yaml"));
        const CliRun made = runCli({ QStringLiteral("profiles"), QStringLiteral("--inventory"),
            data("tests/data/cli/tiny_ops.csv"), QStringLiteral("--metric"),
            data("tests/data/cli/tiny_scores.csv"), QStringLiteral("--outcome"),
            data("tests/data/outcomes/results.csv"), QStringLiteral("--outcome"),
            QStringLiteral("B=") + data("tests/data/outcomes/b_inc3.json"), QStringLiteral("--outcome"),
            QStringLiteral("C:llmcompressor=") + data("tests/data/outcomes/c_llmcompressor.yaml"),
            QStringLiteral("--outcome"),
            QStringLiteral("D=") + data("tests/data/outcomes/lm_eval_d_modelopt.json"), QStringLiteral("-o"),
            profiles });
        QVERIFY2(made.code == 0, qPrintable(made.describe()));
        const QString folder = dir.filePath(QStringLiteral("report"));
        const CliRun report = runCli({ QStringLiteral("report"), profiles, QStringLiteral("-o"), folder });
        QVERIFY2(report.code == 0, qPrintable(report.describe()));
        const QString html = QDir(folder).filePath(QStringLiteral("report.html"));

        // The page holds every chart: per layer, the ranked curve and one trade-off chart per outcome metric.
        QFile page(html);
        QVERIFY(page.open(QIODevice::ReadOnly));
        const QByteArray text = page.readAll();
        QCOMPARE(int(text.count("<svg")), 2 + 7);
        QVERIFY(text.contains("<h2>Measured outcomes</h2>"));
        QVERIFY(text.contains("most compression within 1% of baseline on hellaswag/acc: C with ModelOpt"));
        QCOMPARE(missingImages(html, QDir(folder)), QStringList());
        // The Markdown report's images are files beside it.
        QFile md(QDir(folder).filePath(QStringLiteral("report.md")));
        QVERIFY(md.open(QIODevice::ReadOnly));
        static const QRegularExpression mdImage(QStringLiteral("!\\[[^\\]]*\\]\\(([^)]+)\\)"));
        int images = 0;
        for (auto it = mdImage.globalMatch(QString::fromUtf8(md.readAll())); it.hasNext(); ++images) {
            const QString file = it.next().captured(1);
            QVERIFY2(QFileInfo(QDir(folder).filePath(file)).size() > 0, qPrintable(file));
            QVERIFY2(!QImage(QDir(folder).filePath(file)).isNull(), qPrintable(file));
        }
        QCOMPARE(images, 2 + 7);

        const QString png = dir.filePath(QStringLiteral("report.png"));
        const QSize size(1280, 7200);
        const Render r = render(html, png, dir.filePath(QStringLiteral("profile")), size);
        QCOMPARE(r.code, 0);
        QVERIFY2(r.console.isEmpty(), qPrintable(r.console.join(QLatin1Char('\n'))));
        const QImage shot(png);
        QCOMPARE(shot.size(), size);
        // Not a blank page: the charts' and tables' ink covers a good part of it.
        int ink = 0;
        for (int y = 0; y < shot.height(); y += 8) {
            for (int x = 0; x < shot.width(); x += 8)
                ink += qGray(shot.pixel(x, y)) < 200;
        }
        QVERIFY2(ink > 2000, qPrintable(QString::number(ink)));
        // Kept beside the test binary to be looked at.
        QFile::remove(QStringLiteral("report_render.png"));
        QVERIFY(QFile::copy(png, QStringLiteral("report_render.png")));
    }
};

QTEST_MAIN(TestGuiReportRender)
#include "tst_gui_report_render.moc"
