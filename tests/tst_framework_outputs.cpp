// The real frameworks' own outputs on the tiny random Qwen2.5-VL of tests/frameworks (committed fixtures in
// tests/data/frameworks): QuantCut reads every real format without the Python environment.
#undef QT_NO_CAST_FROM_ASCII // expected names are ASCII literals
#include "TestPaths.h"
#include "compare/ReferenceSchemes.h"
#include "inventory/InventoryReader.h"
#include "metrics/MetricImporter.h"
#include "project/Project.h"

#include <QTest>
#include <cmath>
#include <stdexcept>

using namespace qc;

namespace {
QString fixture(const char* name)
{
    return test::sourcePath(QStringLiteral("tests/data/frameworks/") + QLatin1String(name));
}

Project imported(const char* file)
{
    Project p;
    p.setInventory(InventoryReader::read(fixture("qwen2_5_vl_tiny.ops.csv")));
    p.setMetrics(MetricImporter::import(fixture(file)));
    return p;
}

// The op a metric ranks most sensitive (largest oriented measured value).
QString mostSensitive(const Project& p, int metric)
{
    const std::vector<double> v = p.orientedValues(metric);
    int best = -1;
    for (int op = 0; op < int(v.size()); ++op) {
        if (!std::isnan(v[size_t(op)]) && (best < 0 || v[size_t(op)] > v[size_t(best)]))
            best = op;
    }
    return best < 0 ? QString() : p.inventory().at(best).name;
}
} // namespace

class TestFrameworkOutputs : public QObject
{
    Q_OBJECT

private slots:
    void inventory()
    {
        const Inventory inv = InventoryReader::read(fixture("qwen2_5_vl_tiny.ops.csv"));
        QCOMPARE(inv.size(), 39);
        QCOMPARE(inv.totalParams(), qint64(223456));
        QCOMPARE(InventoryReader::read(fixture("qwen3_vl_tiny.ops.csv")).size(), 45);
    }

    void incMseV2Log()
    {
        const Project p = imported("inc_mse_v2.log");
        QCOMPARE(p.metrics()[0].format, "inc-log");
        QCOMPARE(p.reconciliations()[0].matchedCount(), 16);
        QCOMPARE(mostSensitive(p, 0), "lm_head"); // INC falls back lm_head first: lowest fallback MSE
    }

    void incMseV2Dump()
    {
        const Project p = imported("inc_mse_v2.json");
        QCOMPARE(p.metrics()[0].format, "inc-mse-json");
        QCOMPARE(p.metrics()[0].key, "mse_v2_fallback");
        QCOMPARE(p.reconciliations()[0].matchedCount(), 16);
        QCOMPARE(mostSensitive(p, 0), "lm_head");
    }

    void incHawqV2Log()
    {
        const Project p = imported("inc_hawq_v2.log");
        QCOMPARE(p.reconciliations()[0].matchedCount(), 10);
        QCOMPARE(mostSensitive(p, 0), "model.layers.1.post_attention_layernorm"); // highest trace 0.1566
    }

    void autoQuantReport()
    {
        const Project p = imported("autoquant.json");
        QCOMPARE(p.metrics()[0].numberFormat, "INT8_DEFAULT_CFG");
        QCOMPARE(p.reconciliations()[0].matchedCount(), 28);
        QCOMPARE(mostSensitive(p, 0), "lm_head");
        // The 11 vision rows are exactly 0 (text-only calibration): no signal, never ranked.
        QVERIFY(p.scores()[0].countByEvidence()[size_t(Evidence::NoSignal)] >= 11);
        for (int op = 0; op < p.inventory().size(); ++op) {
            if (p.inventory().at(op).component == QLatin1String("vision"))
                QVERIFY(!p.scores()[0].isMeasured(op));
        }
    }

    void autoQuantManifestIsNotReproduced()
    {
        // ModelOpt recorded 6.23e-7 at 10.771 bits; the exact optimum of the manifest's scores is lower, so
        // the reconstruction refuses rather than present a decision ModelOpt did not make.
        const Inventory inv = InventoryReader::read(fixture("qwen2_5_vl_tiny.ops.csv"));
        try {
            ReferenceSchemes::byName(QStringLiteral("autoquant:") + fixture("autoquant.manifest.json"), inv);
            QFAIL("expected a refusal");
        } catch (const std::invalid_argument& e) {
            QVERIFY2(QString::fromUtf8(e.what()).contains("does not reproduce the recorded one"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestFrameworkOutputs)
#include "tst_framework_outputs.moc"
