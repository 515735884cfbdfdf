// `quantcut-cli profiles --outcome` and `quantcut-cli outcomes`, end to end through the real binary: the
// table text, Markdown, attaching to an existing file, bad results files (exit 2, file and line, nothing
// written) and the stale flag in `check`.
#include "CliRun.h"
#include "TestPaths.h"
#include "document/ProfileDocument.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using qc::test::CliRun;
using qc::test::runCli;

namespace {
QString cliData(const char* name)
{
    return qc::test::sourcePath(QStringLiteral("tests/data/cli/") + QLatin1String(name));
}
QString outcomeData(const char* name)
{
    return qc::test::sourcePath(QStringLiteral("tests/data/outcomes/") + QLatin1String(name));
}
QStringList profilesArgs(const QString& out)
{
    return { QStringLiteral("profiles"), QStringLiteral("--inventory"), cliData("tiny_ops.csv"),
        QStringLiteral("--metric"), cliData("tiny_scores.csv"), QStringLiteral("-o"), out };
}
QStringList allOutcomes()
{
    return { QStringLiteral("--outcome"), outcomeData("results.csv"), QStringLiteral("--outcome"),
        QStringLiteral("B=") + outcomeData("b_inc3.json"), QStringLiteral("--outcome"),
        QStringLiteral("C:llmcompressor=") + outcomeData("c_llmcompressor.yaml"), QStringLiteral("--outcome"),
        QStringLiteral("D=") + outcomeData("lm_eval_d_modelopt.json") };
}
QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

#define EXPECT_RUN(run, expected) QVERIFY2((run).code == (expected), qPrintable((run).describe()))

class TestCliOutcomes : public QObject
{
    Q_OBJECT

private slots:
    void profilesStoresOutcomesAndOutcomesPrintsTheTable()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("p.yaml"));
        const CliRun made = runCli(profilesArgs(file) + allOutcomes());
        EXPECT_RUN(made, 0);
        QVERIFY(readAll(file).contains("\noutcomes:\n  - profile: baseline\n"));
        const CliRun table = runCli({ QStringLiteral("outcomes"), file });
        EXPECT_RUN(table, 0);
        const QString text = QString::fromUtf8(table.out);
        QVERIFY2(text.startsWith(
                     QStringLiteral("p.yaml: outcomes of 7 metric(s); Pareto front by weight memory\n\n"
                                    "hellaswag/acc (higher is better), baseline 0.6 ± 0.005 from "
                                    "results.csv\n")),
            qPrintable(text));
        QVERIFY2(text.contains(
                     QStringLiteral("C        ModelOpt        0.595  0.005   -0.005  -0.833%  12.512 kB      "
                                    "52.4%     42.7%        12.59 bits      yes           calibrated on "
                                    "512 samples, seed 1\n")),
            qPrintable(text));
        QVERIFY(text.contains(
            QStringLiteral("D        INC 2.x         0.52   0.007   -0.08   -13.3%   11.744 kB")));
        QVERIFY(text.contains(QStringLiteral(
            "  most compression within 1% of baseline on hellaswag/acc: C with ModelOpt (0.595, "
            "-0.833% against the baseline; 12.512 kB)\n")));
        QVERIFY(text.contains(
            QStringLiteral("gsm8k/exact_match(strict-match) (higher is better), no baseline\n")));
        const CliRun markdown = runCli({ QStringLiteral("outcomes"), file, QStringLiteral("--markdown"),
            QStringLiteral("--x"), QStringLiteral("effective-bits") });
        EXPECT_RUN(markdown, 0);
        QVERIFY2(
            markdown.out.contains("| B | INC 3.x | 0.593 | 0.005 | -0.007 | -1.17% | 13.312 kB | 33.3% | "
                                  "32.6% | 13.39 bits |  |  |\n"),
            markdown.out.constData());
        QVERIFY(markdown.out.contains("the Pareto front is by effective bits per weight"));
        const CliRun check = runCli({ QStringLiteral("check"), file });
        EXPECT_RUN(check, 0);
        QVERIFY2(check.err.contains("0 errors, 0 warnings"), check.err.constData());
    }

    void outcomesAttachesToAnExistingFile()
    {
        QTemporaryDir dir;
        const QString plain = dir.filePath(QStringLiteral("plain.yaml"));
        EXPECT_RUN(runCli(profilesArgs(plain)), 0);
        const QByteArray before = readAll(plain);
        QVERIFY(!before.contains("outcomes:"));
        const QString with = dir.filePath(QStringLiteral("with.yaml"));
        const CliRun attach = runCli(QStringList { QStringLiteral("outcomes"), plain } + allOutcomes()
            + QStringList { QStringLiteral("-o"), with });
        EXPECT_RUN(attach, 0);
        QVERIFY2(attach.err.contains("with 8 outcome(s)"), attach.err.constData());
        QCOMPARE(readAll(plain), before); // the input is untouched
        // The same bytes as outcomes attached when the profiles were made.
        const QString direct = dir.filePath(QStringLiteral("direct.yaml"));
        EXPECT_RUN(runCli(profilesArgs(direct) + allOutcomes()), 0);
        QCOMPARE(readAll(with), readAll(direct));
        // Never over its input.
        const CliRun over = runCli({ QStringLiteral("outcomes"), plain, QStringLiteral("--outcome"),
            outcomeData("results.csv"), QStringLiteral("-o"), plain });
        EXPECT_RUN(over, 2);
        QCOMPARE(readAll(plain), before);
        const CliRun none = runCli({ QStringLiteral("outcomes"), plain });
        EXPECT_RUN(none, 0);
        QVERIFY2(none.out.startsWith("plain.yaml: no measured outcomes"), none.out.constData());
        // -o without --outcome has nothing to write.
        EXPECT_RUN(runCli({ QStringLiteral("outcomes"), plain, QStringLiteral("-o"), with }), 2);
    }

    void badResultsFiles_data()
    {
        QTest::addColumn<QString>("command");
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("message");
        QTest::addRow("profiles, bad value") << "profiles"
                                             << "bad/bad_value.csv"
                                             << "bad_value.csv:3: value 'abc' is not a number";
        QTest::addRow("profiles, unknown profile")
            << "profiles"
            << "bad/unknown_profile.csv"
            << "unknown_profile.csv:3: profile 'Z' is not in the profile file (it has A, B, C, D;";
        QTest::addRow("outcomes, bad value") << "outcomes"
                                             << "bad/bad_value.csv"
                                             << "bad_value.csv:3: value 'abc' is not a number";
        QTest::addRow("outcomes, lm-eval without a profile")
            << "outcomes"
            << "bad/lm_eval_no_profile.json"
            << "lm_eval_no_profile.json:1: lm-evaluation-harness results name no profile: attach the file as "
               "PROFILE=FILE";
    }
    void badResultsFiles()
    {
        QFETCH(QString, command);
        QFETCH(QString, file);
        QFETCH(QString, message);
        QTemporaryDir dir;
        const QString plain = dir.filePath(QStringLiteral("plain.yaml"));
        EXPECT_RUN(runCli(profilesArgs(plain)), 0);
        const QString out = dir.filePath(QStringLiteral("out.yaml"));
        const QStringList outcome = { QStringLiteral("--outcome"), outcomeData(file.toUtf8().constData()) };
        const CliRun r = command == QLatin1String("profiles")
            ? runCli(profilesArgs(out) + outcome)
            : runCli(QStringList { QStringLiteral("outcomes"), plain } + outcome
                + QStringList { QStringLiteral("-o"), out });
        EXPECT_RUN(r, 2);
        QVERIFY2(r.err.contains(message.toUtf8()), r.err.constData());
        QVERIFY(!QFile::exists(out)); // nothing written
    }

    void checkFlagsStaleOutcomes()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("p.yaml"));
        EXPECT_RUN(runCli(profilesArgs(file) + allOutcomes()), 0);
        // Profile B's lists as they are in the file now are not what its outcomes were measured on.
        QByteArray yaml = readAll(file);
        const qsizetype b = yaml.indexOf("  - profile: B\n");
        const qsizetype fp
            = yaml.indexOf("profile_fingerprint: ", b) + qsizetype(strlen("profile_fingerprint: "));
        yaml.replace(fp, 64, QByteArray(64, '0'));
        const QString edited = dir.filePath(QStringLiteral("edited.yaml"));
        QFile f(edited);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(yaml);
        f.close();
        const CliRun check = runCli({ QStringLiteral("check"), edited });
        EXPECT_RUN(check, 0); // a warning
        QVERIFY2(
            check.out.contains("warning stale-outcome [B]: outcomes from results.csv were measured on other "
                               "INT8 ops than profile B has now"),
            check.out.constData());
        QVERIFY(check.err.contains("0 errors, 1 warnings"));
        const CliRun table = runCli({ QStringLiteral("outcomes"), edited });
        EXPECT_RUN(table, 0);
        QVERIFY(table.err.contains("warning stale-outcome [B]"));
        QVERIFY(table.out.contains("STALE: the profile changed since"));
        // Stale points take no part in the front or the suggestions.
        QVERIFY(!table.out.contains("on wikitext/word_perplexity: B with ModelOpt"));
    }

    void infoDescribesResultsFiles_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::addRow("csv")
            << "results.csv"
            << "  format: outcomes (csv)\n  profile baseline: 2 values\n  profile A: 3 values\n";
        QTest::addRow("yaml, no profile named") << "c_llmcompressor.yaml"
                                                << "  format: outcomes (rows)\n  profile ?: 2 values\n";
        QTest::addRow("lm-eval") << "lm_eval_d_modelopt.json"
                                 << "  format: outcomes (lm-eval)\n  profile ?: 5 values\n";
    }
    void infoDescribesResultsFiles()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const CliRun info = runCli({ QStringLiteral("info"), outcomeData(file.toUtf8().constData()) });
        EXPECT_RUN(info, 0);
        QVERIFY2(QString::fromUtf8(info.out).contains(expected), info.out.constData());
    }

    void helpListsTheCommand()
    {
        const CliRun help = runCli({ QStringLiteral("--help") });
        EXPECT_RUN(help, 0);
        QVERIFY(help.out.contains(
            "quantcut-cli outcomes profiles.yaml [--outcome [PROFILE[:FRAMEWORK]=]RESULTS ...]"));
        QVERIFY(help.out.contains("[--outcome [PROFILE[:FRAMEWORK]=]RESULTS ...]\n                        -o "
                                  "profiles.yaml"));
    }
};

QTEST_GUILESS_MAIN(TestCliOutcomes)
#include "tst_cli_outcomes.moc"
