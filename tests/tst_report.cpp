// The review report: its document model (Markdown and self-contained HTML from one content) and, end to end,
// `quantcut-cli report` with charts rendered headless by the explorer's chart code.
#include "TestPaths.h"
#include "TestProjects.h"
#include "report/ReportDocument.h"
#include "report/ReviewReport.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace qc;

class TestReport : public QObject
{
    Q_OBJECT

private:
    static QByteArray read(const QString& path)
    {
        QFile f(path);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }

    // Width and height from a PNG's IHDR chunk.
    static QSize pngSize(const QByteArray& png)
    {
        if (!png.startsWith("\x89PNG\r\n\x1a\n") || png.size() < 24)
            return {};
        return QSize(int(qFromBigEndian<quint32>(png.constData() + 16)),
            int(qFromBigEndian<quint32>(png.constData() + 20)));
    }

private slots:
    void markdownAndHtmlFromOneContent()
    {
        QTemporaryDir dir;
        QFile svg(dir.filePath(QStringLiteral("c.svg")));
        QVERIFY(svg.open(QIODevice::WriteOnly));
        svg.write("<?xml version=\"1.0\"?>\n<svg width=\"10\" height=\"10\"><rect/></svg>\n");
        svg.close();
        ReportDocument doc;
        doc.heading(2, QStringLiteral("Sources <&>"));
        doc.paragraph(QStringLiteral("**INT8**: `a|b` and x < y"));
        doc.table({ QStringLiteral("op"), QStringLiteral("reason") },
            { { QStringLiteral("`lm_head`"), QStringLiteral("rule:lm-head") } });
        doc.list({ QStringLiteral("one"), QStringLiteral("two") });
        doc.image(QStringLiteral("A chart"), QStringLiteral("c.png"), QStringLiteral("c.svg"));
        const QString md = QString::fromUtf8(doc.toMarkdown());
        QVERIFY(md.contains(QStringLiteral("## Sources <&>\n")));
        QVERIFY(md.contains(QStringLiteral("| op | reason |\n|---|---|\n| `lm_head` | rule:lm-head |\n")));
        QVERIFY(md.contains(QStringLiteral("![A chart](c.png)")));
        const QString html = QString::fromUtf8(doc.toHtml(QStringLiteral("T"), dir.path()));
        QVERIFY(html.contains(QStringLiteral("<h2>Sources &lt;&amp;&gt;</h2>")));
        QVERIFY(html.contains(QStringLiteral("<p><strong>INT8</strong>: <code>a|b</code> and x &lt; y</p>")));
        QVERIFY(html.contains(QStringLiteral(
            "<figure><svg width=\"10\" height=\"10\"><rect/></svg>"))); // inlined, no XML prolog
        QVERIFY(!html.contains(QStringLiteral("c.svg")));
    }

    void reviewReportSections()
    {
        const Inventory inv = test::smallDecoder(4);
        Project p;
        p.setInventory(inv);
        p.setMetrics({ test::scoreLinears(
            inv, QStringLiteral("m"), Polarity::HigherIsMoreSensitive, [](int layer, const QString& leaf) {
                return layer + (leaf == QLatin1String("down_proj") ? 0.5 : 0.0);
            }) });
        const QString md
            = QString::fromUtf8(ReviewReport::build(p, QStringLiteral("x.yaml"), {}).toMarkdown());
        for (const char* section :
            { "# QuantCut review: `x.yaml`", "## Sources", "## Profiles", "### Profile A (minimal), cut 0.25",
                "## Violations", "## Comparison with reference schemes", "### Against `lm-only`" })
            QVERIFY2(md.contains(QLatin1String(section)), section);
        QVERIFY(!md.contains(QStringLiteral("## Metric agreement"))); // one metric: nothing to agree with
        QVERIFY(md.contains(QStringLiteral("| rule:lm-head | 1 | `lm_head` |")));
        // Weights: INT8 params at 1 byte, the rest at 2.
        const qint64 total = inv.totalParams();
        QCOMPARE(ReviewReport::weightBytes(p, 3), p.cuts()[3].params + 2 * (total - p.cuts()[3].params));
    }

    void cliReportOnTheExample()
    {
        const QString example = test::sourcePath(QStringLiteral("resources/examples/qwen2_5_vl_3b/"));
        QTemporaryDir dir;
        const QString profiles = dir.filePath(QStringLiteral("p.yaml"));
        QProcess cli;
        cli.start(test::cliPath(),
            { QStringLiteral("profiles"), QStringLiteral("--inventory"), example + QStringLiteral("ops.csv"),
                QStringLiteral("--metric"), example + QStringLiteral("inc_mse_v2_debug.log"),
                QStringLiteral("--metric"), example + QStringLiteral("inc_hawq_v2.log"), QStringLiteral("-o"),
                profiles });
        QVERIFY(cli.waitForFinished(60000));
        QCOMPARE(cli.exitCode(), 0);
        const QString out = dir.filePath(QStringLiteral("report"));
        cli.start(test::cliPath(), { QStringLiteral("report"), profiles, QStringLiteral("-o"), out });
        QVERIFY(cli.waitForFinished(120000));
        const QByteArray err = cli.readAllStandardError();
        if (cli.exitCode() == 2 && err.contains("unknown command"))
            QSKIP("quantcut-cli was built without the GUI: no report");
        QVERIFY2(cli.exitCode() == 0, err.constData());
        QCOMPARE(err.count('\n'), 1); // one line: what was written; no platform chatter
        const QDir report(out);
#ifndef QUANTCUT_CLI_CHARTS
        // A CLI built without the GUI (the sanitizer build) writes the report without charts.
        QVERIFY(report.exists(QStringLiteral("report.md")));
        QSKIP("quantcut-cli was built without the GUI: the report has no charts");
#endif
        for (const char* chart : { "layers", "ranked", "scatter" }) {
            const QByteArray png = read(report.filePath(QLatin1String(chart) + QStringLiteral(".png")));
            QCOMPARE(pngSize(png), QSize(1200, 620));
            QVERIFY(png.size() > 10000); // a real chart, not an empty canvas
            QVERIFY(read(report.filePath(QLatin1String(chart) + QStringLiteral(".svg"))).contains("<svg"));
        }
        const QString md = QString::fromUtf8(read(report.filePath(QStringLiteral("report.md"))));
        QVERIFY(md.contains(QStringLiteral("| mse_v2_fallback | hawq_v2 | 416 | 0.687 | 0.509 |")));
        QVERIFY(md.contains(QStringLiteral("lower-is-more-sensitive")));
        QVERIFY(md.contains(QStringLiteral("![Ranked curve")));
        const QByteArray html = read(report.filePath(QStringLiteral("report.html")));
        QCOMPARE(html.count("<figure><svg"), 3); // self-contained
        QVERIFY(!html.contains("src=\"layers.png\""));
    }
};

QTEST_GUILESS_MAIN(TestReport)
#include "tst_report.moc"
