// The engine without files: name reconciliation, rules, fused groups, combined ranking, cuts, nesting,
// checks.
#include "TestProjects.h"
#include "check/Checker.h"
#include "io/FileError.h"
#include "project/Project.h"
#include "ranking/Agreement.h"
#include "ranking/FusedGroups.h"
#include "reconcile/NameReconciler.h"
#include "rules/Glob.h"

#include <QRegularExpression>
#include <QTest>
#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

using namespace qc;
using qc::test::metricOf;
using qc::test::scoreLinears;
using qc::test::smallDecoder;

class TestEngine : public QObject
{
    Q_OBJECT

private:
    static Inventory qwenLike(bool newNaming)
    {
        const QString text = newNaming ? QStringLiteral("model.language_model.") : QStringLiteral("model.");
        const QString vision = newNaming ? QStringLiteral("model.visual.") : QStringLiteral("visual.");
        std::vector<Op> ops = {
            { vision + QStringLiteral("blocks.0.attn.qkv"), QStringLiteral("Linear"),
                QStringLiteral("vision"), 0, 10 },
            { vision + QStringLiteral("merger.mlp.0"), QStringLiteral("Linear"), QStringLiteral("merger"), -1,
                10 },
            { text + QStringLiteral("embed_tokens"), QStringLiteral("Embedding"), QStringLiteral("embedding"),
                -1, 10 },
            { text + QStringLiteral("layers.3.mlp.down_proj"), QStringLiteral("Linear"),
                QStringLiteral("language"), 3, 10 },
            { QStringLiteral("lm_head"), QStringLiteral("Linear"), QStringLiteral("head"), -1, 10 },
        };
        return Inventory(std::move(ops));
    }

    static Project decoderProject(int layers, std::vector<Metric> metrics)
    {
        Project p;
        p.setInventory(smallDecoder(layers));
        p.setMetrics(std::move(metrics));
        return p;
    }

    // Higher = more sensitive: later layers and down_proj are sensitive.
    static Metric layerMetric(const Inventory& inv, const QString& id = QStringLiteral("m"))
    {
        return scoreLinears(inv, id, Polarity::HigherIsMoreSensitive, [](int layer, const QString& leaf) {
            return layer * 10.0
                + (leaf == QLatin1String("down_proj")     ? 5.0
                        : leaf == QLatin1String("o_proj") ? 3.0
                                                          : 1.0);
        });
    }

private slots:
    void digitBlindPatterns_data()
    {
        QTest::addColumn<QString>("pattern");
        QTest::addColumn<bool>("blind");
        QTest::newRow("default norms") << QStringLiteral(R"(.*(norm|ln_[a-z0-9]*|layernorm)[^.]*)") << true;
        QTest::newRow("no digits") << QStringLiteral(R"((.*\.)?lm_head)") << true;
        QTest::newRow("\\d") << QStringLiteral(R"(.*layers\.\d+\.mlp.*)") << true;
        QTest::newRow("full class") << QStringLiteral(R"(.*layers\.[0-9]+\..*)") << true;
        QTest::newRow("quantifier") << QStringLiteral(R"(.*\.[a-z]{2,4}_proj)") << true;
        QTest::newRow("literal digit") << QStringLiteral(R"(.*layers\.1\..*)") << false;
        QTest::newRow("partial class") << QStringLiteral(R"(.*layers\.[1-9]\..*)") << false;
        QTest::newRow("backreference") << QStringLiteral(R"(.*(\d)\1.*)") << false;
        QTest::newRow("octal in class") << QStringLiteral(R"(.*[\061].*)") << false;
        QTest::newRow("posix class") << QStringLiteral(R"(.*[[:digit:]].*)") << false;
        QTest::newRow("brace literal") << QStringLiteral(R"(.*\{1.*)") << false;
        QTest::newRow("named group") << QStringLiteral(R"((?<n1>a).*)") << false;
        QTest::newRow("anchored") << QRegularExpression::anchoredPattern(
            QStringLiteral(R"(.*(norm|ln_[a-z0-9]*)[^.]*)"))
                                  << true;
        QTest::newRow("lookahead") << QStringLiteral(R"(.*(?!\.1\.).*)") << false;
    }
    void digitBlindPatterns()
    {
        QFETCH(QString, pattern);
        QFETCH(bool, blind);
        QCOMPARE(RuleSet::isDigitBlind(pattern), blind);
    }

    // The verdict cache must not carry one layer's verdict to another where the pattern tells digits apart.
    void ruleVerdictsPerOpWithDigitPatterns()
    {
        std::vector<Op> ops;
        for (int layer = 0; layer < 12; ++layer)
            ops.push_back(Op { QStringLiteral("model.layers.%1.mlp.up_proj").arg(layer),
                QStringLiteral("Linear"), QStringLiteral("language"), layer, 10 });
        const Inventory inventory(std::move(ops));
        auto keptLayers = [&](const QString& pattern, Rule::Syntax syntax = Rule::Syntax::Regex) {
            Rule rule;
            rule.name = QStringLiteral("r");
            rule.action = Rule::Action::Keep;
            rule.namePattern = pattern;
            rule.syntax = syntax;
            RuleSet rules;
            rules.append(rule);
            QList<int> kept;
            const std::vector<int> verdicts = rules.keepingRules(inventory);
            for (int i = 0; i < inventory.size(); ++i) {
                if (verdicts[size_t(i)] >= 0)
                    kept.append(i);
            }
            return kept;
        };
        QCOMPARE(keptLayers(QStringLiteral(R"(.*layers\.1\..*)")), QList<int> { 1 });
        QCOMPARE(keptLayers(QStringLiteral(R"(.*layers\.1[01]\..*)")), (QList<int> { 10, 11 }));
        QCOMPARE(keptLayers(QStringLiteral(R"(.*layers\.[0-9]\..*)")),
            (QList<int> { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }));
        QCOMPARE(keptLayers(QStringLiteral(R"(.*layers\.\d+\.mlp\.up_proj)")).size(), 12);
        QCOMPARE(keptLayers(QStringLiteral("*layers.1.*"), Rule::Syntax::Glob), QList<int> { 1 });
        QCOMPARE(keptLayers(QStringLiteral("*layers.[37].*"), Rule::Syntax::Glob), (QList<int> { 3, 7 }));
        QCOMPARE(keptLayers(QStringLiteral("*layers.?.mlp*"), Rule::Syntax::Glob).size(), 10);
    }

    void reconcile_data()
    {
        QTest::addColumn<bool>("newNaming");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("expectedOp");
        QTest::addColumn<QString>("expectedHow");
        const QString down = QStringLiteral("model.language_model.layers.3.mlp.down_proj");
        const QString qkv = QStringLiteral("model.visual.blocks.0.attn.qkv");
        QTest::addRow("exact") << true << down << down << "exact";
        QTest::addRow("inc .module") << true << QString(qkv + QStringLiteral(".module")) << qkv
                                     << "strip .module";
        QTest::addRow("lm-only autoquant")
            << true << "language_model.layers.3.mlp.down_proj" << down << "prefix '' -> 'model.'";
        QTest::addRow("old text naming")
            << true << "model.layers.3.mlp.down_proj" << down << "prefix 'model.' -> 'model.language_model.'";
        QTest::addRow("old vision naming")
            << true << "visual.blocks.0.attn.qkv" << qkv << "prefix '' -> 'model.'";
        QTest::addRow("parameter name")
            << true << QString(down + QStringLiteral(".weight")) << down << "strip .weight";
        QTest::addRow("modelopt recipe") << true << "language_model.layers.3.mlp.down_proj.quant_recipe"
                                         << down << "strip .quant_recipe, prefix '' -> 'model.'";
        QTest::addRow("quantizer") << true << QString(down + QStringLiteral(".weight_quantizer")) << down
                                   << "strip .weight_quantizer";
        QTest::addRow("old embed") << true << "model.embed_tokens"
                                   << "model.language_model.embed_tokens"
                                   << "prefix 'model.' -> 'model.language_model.'";
        QTest::addRow("lm_head bias") << true << "lm_head.bias"
                                      << "lm_head"
                                      << "strip .bias";
        QTest::addRow("unknown layer") << true << "model.layers.99.mlp.down_proj"
                                       << ""
                                       << "";
        QTest::addRow("new names on old inventory") << false << down << "model.layers.3.mlp.down_proj"
                                                    << "prefix 'model.language_model.' -> 'model.'";
        QTest::addRow("new vision on old inventory")
            << false << QString(qkv + QStringLiteral(".module")) << "visual.blocks.0.attn.qkv"
            << "strip .module, prefix 'model.' -> ''";
        QTest::addRow("merger") << false << "model.visual.merger.mlp.0"
                                << "visual.merger.mlp.0"
                                << "prefix 'model.' -> ''";
    }

    void reconcile()
    {
        QFETCH(bool, newNaming);
        QFETCH(QString, source);
        QFETCH(QString, expectedOp);
        QFETCH(QString, expectedHow);
        const Inventory inv = qwenLike(newNaming);
        const NameMatch m = NameReconciler(inv).match(source);
        QCOMPARE(m.op >= 0 ? inv.at(m.op).name : QString(), expectedOp);
        if (!expectedOp.isEmpty())
            QCOMPARE(m.how, expectedHow);
    }

    void reconcileReportsEveryName()
    {
        // Both naming generations in one inventory make the short name ambiguous; it must be reported.
        Inventory inv(
            { { QStringLiteral("model.layers.0.mlp.down_proj"), QStringLiteral("Linear"), {}, 0, 1 },
                { QStringLiteral("model.language_model.layers.0.mlp.down_proj"), QStringLiteral("Linear"), {},
                    0, 1 } });
        const Metric m = metricOf(QStringLiteral("m"), Polarity::HigherIsMoreSensitive,
            { { QStringLiteral("layers.0.mlp.down_proj"), 1.0 },
                { QStringLiteral("model.layers.0.mlp.down_proj"), 2.0 },
                { QStringLiteral("nothing.like.this"), 3.0 } });
        const Reconciliation rec = NameReconciler(inv).reconcile(m);
        QCOMPARE(rec.matchedCount(), 1);
        QCOMPARE(rec.ambiguous, QStringList { QStringLiteral("layers.0.mlp.down_proj") });
        QCOMPARE(rec.ops, (std::vector<int> { -1, 0, -1 }));
        QCOMPARE(rec.candidates.size(), size_t(1));
        QCOMPARE(rec.candidates[0].first, 0);
        QCOMPARE(rec.candidates[0].second,
            QStringList({ QStringLiteral("model.language_model.layers.0.mlp.down_proj"),
                QStringLiteral("model.layers.0.mlp.down_proj") }));
        QCOMPARE(rec.unmatched, QStringList { QStringLiteral("nothing.like.this") });
        QCOMPARE(rec.countByHow.value(QStringLiteral("exact")), 1);
    }

    void conflictingScoresOfOneOpAreAnError()
    {
        Project p = decoderProject(1, {});
        const std::vector<Metric> conflicting { metricOf(QStringLiteral("m"), Polarity::HigherIsMoreSensitive,
            { { QStringLiteral("model.layers.0.self_attn.q_proj"), 1.0 },
                { QStringLiteral("model.layers.0.self_attn.q_proj.module"), 2.0 } }) };
        QVERIFY_THROWS_EXCEPTION(FileError, p.setMetrics(conflicting));
        QVERIFY(p.metrics().empty()); // a change that throws leaves the project as it was
        QVERIFY_THROWS_EXCEPTION(FileError, Project({ smallDecoder(1), false, conflicting }));
    }

    void glob_data()
    {
        QTest::addColumn<QString>("glob");
        QTest::addColumn<QString>("name");
        QTest::addColumn<bool>("matches");
        QTest::addRow("star crosses dots") << "*visual*"
                                           << "model.visual.blocks.0.attn.qkv" << true;
        QTest::addRow("whole string") << "lm_head"
                                      << "model.lm_head" << false;
        QTest::addRow("suffix") << "*.lm_head"
                                << "model.lm_head" << true;
        QTest::addRow("question") << "layers.?.mlp"
                                  << "layers.7.mlp" << true;
        QTest::addRow("question one char") << "layers.?.mlp"
                                           << "layers.17.mlp" << false;
        QTest::addRow("class") << "layers.[0-3].x"
                               << "layers.2.x" << true;
        QTest::addRow("negated class") << "layers.[!0-3].x"
                                       << "layers.2.x" << false;
        QTest::addRow("dot is literal") << "a.b"
                                        << "axb" << false;
        QTest::addRow("unclosed bracket literal") << "a[b"
                                                  << "a[b" << true;
    }

    void glob()
    {
        QFETCH(QString, glob);
        QFETCH(QString, name);
        QFETCH(bool, matches);
        QCOMPARE(QRegularExpression(globToRegex(glob)).match(name).hasMatch(), matches);
    }

    void defaultRules_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("keptBy");
        QTest::addRow("embed_tokens") << "model.language_model.embed_tokens"
                                      << "Embedding"
                                      << "embedding-types";
        QTest::addRow("patch_embed") << "model.visual.patch_embed.proj"
                                     << "Conv3d"
                                     << "embeddings";
        QTest::addRow("rmsnorm") << "model.layers.0.input_layernorm"
                                 << "RMSNorm"
                                 << "norm-types";
        QTest::addRow("norm by name, type unknown") << "model.visual.blocks.3.norm1"
                                                    << ""
                                                    << "norms";
        QTest::addRow("merger ln_q") << "model.visual.merger.ln_q"
                                     << ""
                                     << "norms";
        QTest::addRow("softmax") << "model.layers.0.self_attn.softmax"
                                 << "Softmax"
                                 << "non-gemm";
        QTest::addRow("lm_head") << "lm_head"
                                 << "Linear"
                                 << "lm-head";
        QTest::addRow("q_proj") << "model.layers.0.self_attn.q_proj"
                                << "Linear"
                                << "";
        QTest::addRow("unknown type is not non-gemm") << "model.layers.0.mlp.down_proj"
                                                      << ""
                                                      << "";
        QTest::addRow("vision linear") << "model.visual.blocks.0.attn.qkv"
                                       << "Linear"
                                       << "";
    }

    void defaultRules()
    {
        QFETCH(QString, name);
        QFETCH(QString, type);
        QFETCH(QString, keptBy);
        const OpClassifier classifier = OpClassifier::defaults();
        const Inventory inv(
            { { name, type, classifier.component(name), OpClassifier::layerIndex(name), 1 } });
        const RuleSet rules = RuleSet::defaults();
        const int r = rules.keepingRules(inv).front();
        QCOMPARE(r >= 0 ? rules.rules()[size_t(r)].name : QString(), keptBy);
    }

    void ruleCriteriaAndPrecedence()
    {
        const Inventory inv = smallDecoder(6);
        Rule keepEarly;
        keepEarly.name = QStringLiteral("early");
        keepEarly.namePattern = QStringLiteral("*.mlp.*");
        keepEarly.layerFrom = 0;
        keepEarly.layerTo = 1;
        Rule allowDown;
        allowDown.name = QStringLiteral("allow-down");
        allowDown.namePattern = QStringLiteral(R"(.*\.down_proj)");
        allowDown.syntax = Rule::Syntax::Regex;
        allowDown.action = Rule::Action::Allow;
        Rule disabled;
        disabled.name = QStringLiteral("off");
        disabled.opTypes = { QStringLiteral("Linear") };
        disabled.enabled = false;
        const RuleSet rules({ keepEarly, allowDown, disabled });
        const std::vector<int> keeping = rules.keepingRules(inv);
        auto keptBy = [&](const char* name) { return keeping[size_t(inv.indexOf(QLatin1String(name)))]; };
        QCOMPARE(keptBy("model.layers.1.mlp.gate_proj"), 0);
        QCOMPARE(keptBy("model.layers.2.mlp.gate_proj"), -1); // outside the layer range
        QCOMPARE(keptBy("model.layers.0.mlp.down_proj"), -1); // the later allow rule wins
        QCOMPARE(keptBy("model.layers.0.self_attn.q_proj"), -1); // disabled rule
        Rule broken;
        broken.name = QStringLiteral("broken");
        broken.namePattern = QStringLiteral("(unclosed");
        broken.syntax = Rule::Syntax::Regex;
        QCOMPARE(RuleSet({ broken }).validate().size(), 1);
    }

    void rulesTellDigitsApart()
    {
        // Digit-blind rules are evaluated once per name shape; a rule that names a digit must not be.
        const Inventory inv = smallDecoder(12);
        Rule third;
        third.name = QStringLiteral("third");
        third.namePattern = QStringLiteral("*.layers.3.*");
        Rule ones;
        ones.name = QStringLiteral("ones");
        ones.namePattern = QStringLiteral(R"(.*layers\.1\d\..*)");
        ones.syntax = Rule::Syntax::Regex;
        Rule downs;
        downs.name = QStringLiteral("downs");
        downs.namePattern = QStringLiteral("*.down_proj");
        for (const RuleSet& rules : { RuleSet({ third, ones }), RuleSet({ downs }) }) {
            const std::vector<int> keeping = rules.keepingRules(inv);
            for (int op = 0; op < inv.size(); ++op) {
                const QString& n = inv.at(op).name;
                const bool expected = rules.rules().size() == 2
                    ? (n.contains(QLatin1String(".layers.3.")) || n.contains(QLatin1String(".layers.10."))
                        || n.contains(QLatin1String(".layers.11.")))
                    : n.endsWith(QLatin1String(".down_proj"));
                QCOMPARE(keeping[size_t(op)] >= 0, expected);
            }
        }
    }

    void languageModelOnlyPreset()
    {
        const Inventory inv = qwenLike(true);
        RuleSet rules = RuleSet::defaults();
        rules.append(RuleSet::languageModelOnlyRule());
        const std::vector<int> keeping = rules.keepingRules(inv);
        QVERIFY(keeping[size_t(inv.indexOf(QStringLiteral("model.visual.blocks.0.attn.qkv")))] >= 0);
        QVERIFY(keeping[size_t(inv.indexOf(QStringLiteral("model.visual.merger.mlp.0")))] >= 0);
        QCOMPARE(
            keeping[size_t(inv.indexOf(QStringLiteral("model.language_model.layers.3.mlp.down_proj")))], -1);
    }

    void rankingOrdersLeastSensitiveFirstAndFusesGroups()
    {
        const Inventory inv = smallDecoder(3);
        Project p = decoderProject(3, { layerMetric(inv) });
        const Ranking& r = p.ranking();
        // 3 layers x (qkv unit, o, gate/up unit, down) = 12 units; q/k/v and gate/up are fused.
        QCOMPARE(r.eligibleUnits(), 12);
        QCOMPARE(r.eligibleOps(), 3 * 7);
        auto unitName = [&](int position) {
            return inv.at(r.units[size_t(r.order[size_t(position)])].members.front()).name;
        };
        // q/k/v (140 parameters) and gate/up (600) tie at 1.0: the larger unit goes first.
        QCOMPARE(unitName(0), QStringLiteral("model.layers.0.mlp.gate_proj"));
        QCOMPARE(unitName(1), QStringLiteral("model.layers.0.self_attn.q_proj"));
        QCOMPARE(unitName(2), QStringLiteral("model.layers.0.self_attn.o_proj"));
        QCOMPARE(unitName(11), QStringLiteral("model.layers.2.mlp.down_proj"));
        const int q = inv.indexOf(QStringLiteral("model.layers.1.self_attn.q_proj"));
        const int v = inv.indexOf(QStringLiteral("model.layers.1.self_attn.v_proj"));
        QCOMPARE(r.unitOf[size_t(q)], r.unitOf[size_t(v)]);
        // Rules keep embed_tokens, norms, lm_head.
        QCOMPARE(r.state[size_t(inv.indexOf(QStringLiteral("lm_head")))], OpState::KeptByRule);
        QCOMPARE(r.state[size_t(inv.indexOf(QStringLiteral("model.layers.0.input_layernorm")))],
            OpState::KeptByRule);
    }

    void groupScoredByMostSensitiveMember()
    {
        const Inventory inv = smallDecoder(2);
        Metric m = layerMetric(inv);
        for (MetricEntry& e : m.entries) {
            if (e.name == QLatin1String("model.layers.0.self_attn.k_proj"))
                e.value = 1000.0;
        }
        Project p = decoderProject(2, { m });
        const Ranking& r = p.ranking();
        const int q = inv.indexOf(QStringLiteral("model.layers.0.self_attn.q_proj"));
        QCOMPARE(r.order.back(), r.unitOf[size_t(q)]);
        QCOMPARE(r.units[size_t(r.unitOf[size_t(q)])].score, 1.0);
    }

    void polarityFlipGivesTheSameOrder()
    {
        const Inventory inv = smallDecoder(4);
        Metric higher = layerMetric(inv);
        Metric lower = higher;
        lower.sourcePolarity = Polarity::LowerIsMoreSensitive;
        for (MetricEntry& e : lower.entries)
            e.value = -e.value;
        Project a = decoderProject(4, { higher });
        Project b = decoderProject(4, { lower });
        QCOMPARE(a.ranking().order, b.ranking().order);
        lower.flipped = true; // now lower values read as less sensitive: the order reverses
        Project c = decoderProject(4, { lower });
        QCOMPARE(c.ranking().order.front(), a.ranking().order.back());
    }

    void combineMethods()
    {
        // Three single ops, two metrics that disagree: a = [1,2,3], b = [3,1,2] (higher = more sensitive).
        Inventory inv({ { QStringLiteral("x"), QStringLiteral("Linear"), QStringLiteral("language"), -1, 1 },
            { QStringLiteral("y"), QStringLiteral("Linear"), QStringLiteral("language"), -1, 1 },
            { QStringLiteral("z"), QStringLiteral("Linear"), QStringLiteral("language"), -1, 1 } });
        const Metric a = metricOf(QStringLiteral("a"), Polarity::HigherIsMoreSensitive,
            { { QStringLiteral("x"), 1 }, { QStringLiteral("y"), 2 }, { QStringLiteral("z"), 3 } });
        const Metric b = metricOf(QStringLiteral("b"), Polarity::HigherIsMoreSensitive,
            { { QStringLiteral("x"), 3 }, { QStringLiteral("y"), 1 }, { QStringLiteral("z"), 2 } });
        auto scores = [&](const QString& combine) {
            Project p;
            p.setInventory(inv);
            p.setMetrics({ a, b });
            p.setCombine(CombineSpec::parse(combine));
            return std::vector<double> { p.ranking().combinedScore(0), p.ranking().combinedScore(1),
                p.ranking().combinedScore(2) };
        };
        const double third = 1.0 / 3.0;
        auto near = [](const std::vector<double>& got, const std::vector<double>& want) {
            for (size_t i = 0; i < got.size(); ++i) {
                if (std::abs(got[i] - want[i]) > 1e-12)
                    return false;
            }
            return true;
        };
        QVERIFY(near(scores(QStringLiteral("mean-rank")),
            { (third + 1.0) / 2, (2 * third + third) / 2, (1.0 + 2 * third) / 2 }));
        QVERIFY(near(scores(QStringLiteral("max-rank")), { 1.0, 2 * third, 1.0 }));
        QVERIFY(near(scores(QStringLiteral("b")), { 1.0, third, 2 * third }));
        QVERIFY(near(scores(QStringLiteral("weighted:a=3,b=1")),
            { (3 * third + 1.0) / 4, (3 * 2 * third + third) / 4, (3 * 1.0 + 2 * third) / 4 }));
        QCOMPARE(CombineSpec::parse(QStringLiteral("weighted:a=3,b=1")).toString(),
            QStringLiteral("weighted:a=3,b=1"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CombineSpec::parse(QStringLiteral("weighted:a")));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CombineSpec::parse(QStringLiteral("mean:x")));
    }

    void missingAndUnrankedOps()
    {
        const Inventory inv = smallDecoder(2);
        Metric full = layerMetric(inv, QStringLiteral("full"));
        Metric partial = layerMetric(inv, QStringLiteral("partial"));
        std::erase_if(partial.entries,
            [](const MetricEntry& e) { return e.name.contains(QLatin1String("layers.1.mlp")); });
        std::erase_if(full.entries,
            [](const MetricEntry& e) { return e.name.contains(QLatin1String("layers.1.mlp.down_proj")); });
        std::erase_if(partial.entries,
            [](const MetricEntry& e) { return e.name.contains(QLatin1String("layers.1.mlp.down_proj")); });
        Project p = decoderProject(2, { full, partial });
        const Ranking& r = p.ranking();
        const int gate = inv.indexOf(QStringLiteral("model.layers.1.mlp.gate_proj"));
        const int down = inv.indexOf(QStringLiteral("model.layers.1.mlp.down_proj"));
        QVERIFY(r.units[size_t(r.unitOf[size_t(gate)])].partial);
        QCOMPARE(r.state[size_t(gate)], OpState::Eligible);
        QCOMPARE(r.state[size_t(down)], OpState::Unranked);
        for (int prof = 0; prof < p.profileCount(); ++prof)
            QCOMPARE(p.keepReason(down, prof), QStringLiteral("unranked"));
        const std::vector<Violation> v = Checker::check(p);
        QVERIFY(std::any_of(
            v.begin(), v.end(), [](const Violation& x) { return x.kind == Violation::Kind::Unranked; }));
        QVERIFY(std::any_of(v.begin(), v.end(),
            [](const Violation& x) { return x.kind == Violation::Kind::PartialRanking; }));
        QCOMPARE(Checker::errorCount(v), 0);
    }

    void overrides()
    {
        const Inventory inv = smallDecoder(2);
        Project p = decoderProject(2, { layerMetric(inv) });
        p.setOverrides({ { QStringLiteral("lm_head"), Override::Action::Int8, QStringLiteral("try it") },
            { QStringLiteral("model.layers.0.self_attn.k_proj"), Override::Action::Keep,
                QStringLiteral("outliers") },
            { QStringLiteral("model.layers.9.mlp.up_proj"), Override::Action::Keep, {} } });
        const Ranking& r = p.ranking();
        const int head = inv.indexOf(QStringLiteral("lm_head"));
        const int q = inv.indexOf(QStringLiteral("model.layers.0.self_attn.q_proj"));
        const int k = inv.indexOf(QStringLiteral("model.layers.0.self_attn.k_proj"));
        QCOMPARE(r.state[size_t(head)], OpState::ForcedInt8);
        QCOMPARE(r.state[size_t(k)], OpState::KeptByOverride);
        QCOMPARE(r.state[size_t(q)], OpState::KeptWithGroup); // fused partner follows the kept member
        for (int prof = 0; prof < p.profileCount(); ++prof) {
            QVERIFY(p.isQuantized(head, prof));
            QCOMPARE(p.keepReason(k, prof), QStringLiteral("override:outliers"));
            QCOMPARE(p.keepReason(q, prof), QStringLiteral("fused:model.layers.0.self_attn.k_proj"));
        }
        const std::vector<Violation> v = Checker::check(p);
        QCOMPARE(Checker::errorCount(v), 1);
        const auto rule = std::find_if(
            v.begin(), v.end(), [](const Violation& x) { return x.kind == Violation::Kind::RuleViolation; });
        QVERIFY(rule != v.end());
        QCOMPARE(rule->op, QStringLiteral("lm_head"));
        QVERIFY(std::any_of(
            v.begin(), v.end(), [](const Violation& x) { return x.kind == Violation::Kind::UnknownOp; }));
    }

    void cutFreeFindingsKeptAcrossCutMoves()
    {
        // A drag keeps what the checker finds about sources, op states and forced ops, and checks only the
        // cuts: the same findings, in the same order, as a whole check, wherever the cuts go.
        const Inventory inv = smallDecoder(2);
        Project p = decoderProject(2, { layerMetric(inv) });
        p.setOverrides({ { QStringLiteral("lm_head"), Override::Action::Int8, QStringLiteral("try it") },
            { QStringLiteral("model.layers.9.mlp.up_proj"), Override::Action::Keep, {} } });
        const Checker::CutFree kept = Checker::cutFree(p);
        QCOMPARE(kept.ops.size(), size_t(1)); // the forced lm_head
        QCOMPARE(kept.opStates.size(), size_t(1)); // the unknown op's override
        for (const double cut : { 0.0, 0.1, 0.37, 0.5, 0.8, 1.0 }) {
            CutPlan plan = p.cutPlan();
            for (ProfileSpec& spec : plan.profiles)
                spec.cut = std::max(spec.cut, cut); // nested, some equal, some empty
            plan.profiles.front().cut = cut;
            p.setCutPlan(plan);
            const std::vector<Violation> whole = Checker::check(p);
            QVERIFY(whole == Checker::check(p, kept));
            QVERIFY(!whole.empty());
        }
    }

    void cutsByMeasure_data()
    {
        QTest::addColumn<QString>("cutBy");
        QTest::addColumn<double>("cut");
        QTest::addColumn<int>("expectedUnits");
        // 4 layers: 16 units, 28 ops; per layer units qkv(3 ops,140) gate_up(2,600) o(1,100) down(1,300).
        QTest::addRow("ops 0") << "ops" << 0.0 << 0;
        QTest::addRow("ops 0.25 = 7 ops") << "ops" << 0.25 << 4; // qkv0(3) gate_up0(2) o0(1) down0(1) = 7 ops
        QTest::addRow("ops 1") << "ops" << 1.0 << 16;
        QTest::addRow("count 5") << "count" << 5.0 << 2;
        QTest::addRow("count 6") << "count" << 6.0 << 3;
        QTest::addRow("params 0.1") << "params" << 0.1
                                    << 0; // 10% of 4 * 1140 = 456: gate_up0 (600) does not fit
        QTest::addRow("params 0.15") << "params" << 0.15 << 1; // 684: gate_up0 (600) fits, + qkv0 (740) not
        QTest::addRow("score 0.5") << "score" << 0.5 << 8;
    }

    void cutsByMeasure()
    {
        QFETCH(QString, cutBy);
        QFETCH(double, cut);
        QFETCH(int, expectedUnits);
        const Inventory inv = smallDecoder(4);
        Project p = decoderProject(4, { layerMetric(inv) });
        const auto by = CutPlan::parseCutBy(cutBy);
        QVERIFY(by);
        const int k = ProfileCutter::unitsForCut(p.ranking(), *by, cut);
        QCOMPARE(k, expectedUnits);
        // cutForUnits is the inverse: the cut it gives lands on the same k.
        QCOMPARE(
            ProfileCutter::unitsForCut(p.ranking(), *by, ProfileCutter::cutForUnits(p.ranking(), *by, k)), k);
    }

    void profilesAreNestedAndRecutIsConsistent()
    {
        const Inventory inv = smallDecoder(8);
        Project p = decoderProject(8, { layerMetric(inv) });
        for (int prof = 1; prof < p.profileCount(); ++prof) {
            QVERIFY(p.cuts()[size_t(prof)].ops >= p.cuts()[size_t(prof - 1)].ops);
            for (int op = 0; op < inv.size(); ++op)
                QVERIFY(!p.isQuantized(op, prof - 1) || p.isQuantized(op, prof));
        }
        // 0.95 * 56 = 53.2 ops; whole fused units only: 7 layers (49) + gate/up of layer 7 (51, tied with
        // qkv and larger); qkv too would give 54.
        QCOMPARE(p.cuts()[3].ops, qint64(51));
        // Out-of-order cuts: B below A. Still nested; reported as an error.
        p.setCut(1, 0.1);
        QCOMPARE(p.cuts()[1].units, p.cuts()[0].units);
        const std::vector<Violation> v = Checker::check(p);
        QVERIFY(std::any_of(v.begin(), v.end(),
            [](const Violation& x) { return x.kind == Violation::Kind::CutsOutOfOrder; }));
        // Empty profile.
        p.setCut(0, 0.0);
        p.setCut(1, 0.5);
        QCOMPARE(p.cuts()[0].ops, qint64(0));
        const std::vector<Violation> v2 = Checker::check(p);
        QVERIFY(std::any_of(v2.begin(), v2.end(), [](const Violation& x) {
            return x.kind == Violation::Kind::EmptyProfile && x.profile == QLatin1String("A");
        }));
    }

    void cutParsing()
    {
        const auto named = CutPlan::parseCuts(QStringLiteral("lo=0.1,hi=0.9"));
        QCOMPARE(named.size(), size_t(2));
        QCOMPARE(named[1].name, QStringLiteral("hi"));
        QCOMPARE(named[1].cut, 0.9);
        const auto plain = CutPlan::parseCuts(QStringLiteral("0.2,0.4,0.6"));
        QCOMPARE(plain[2].name, QStringLiteral("C"));
        QCOMPARE(plain[2].label, QStringLiteral("aggressive"));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CutPlan::parseCuts(QStringLiteral("0.1,x")));
        QVERIFY_THROWS_EXCEPTION(
            std::invalid_argument, CutPlan::parseCuts(QStringLiteral("1,2,3,4,5,6,7,8,9")));
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CutPlan::parseCuts(QStringLiteral("a=0.1,a=0.2")));
        // Outcomes call the unquantized model "baseline": no profile may be named so.
        QVERIFY_THROWS_EXCEPTION(std::invalid_argument, CutPlan::parseCuts(QStringLiteral("baseline=0.5")));
    }

    void checkerOnLists()
    {
        const Inventory inv = smallDecoder(2);
        Project p = decoderProject(2, { layerMetric(inv) });
        std::vector<ProfileLists> lists = p.lists();
        QCOMPARE(Checker::errorCount(Checker::check(p, lists)), 0);
        for (const ProfileLists& l : lists)
            QCOMPARE(qsizetype(l.quantize.size() + qsizetype(l.keep.size())), qsizetype(inv.size()));

        auto kinds = [&](const std::vector<ProfileLists>& edited) {
            QStringList out;
            for (const Violation& v : Checker::check(p, edited)) {
                if (v.severity == Violation::Severity::Error)
                    out.append(kindName(v.kind));
            }
            out.removeDuplicates();
            out.sort();
            return out;
        };
        std::vector<ProfileLists> e = lists;
        e[3].quantize.append(QStringLiteral("lm_head"));
        std::erase_if(e[3].keep, [](const auto& k) { return k.first == QLatin1String("lm_head"); });
        QCOMPARE(kinds(e), QStringList { QStringLiteral("rule-violation") });

        e = lists;
        e[0].quantize.append(QStringLiteral("model.layers.7.mlp.up_proj"));
        QCOMPARE(kinds(e), QStringList { QStringLiteral("unknown-op") });

        e = lists;
        e[1].keep.erase(e[1].keep.begin());
        QCOMPARE(kinds(e), QStringList { QStringLiteral("missing-op") });

        e = lists;
        e[2].keep.push_back(e[2].keep.front());
        QCOMPARE(kinds(e), QStringList { QStringLiteral("duplicate-op") });

        // Move D's first quantized q_proj to keep: splits its fused group and breaks nesting against C? No:
        // C must quantize it too for not-nested; pick an op every profile quantizes.
        e = lists;
        const QString first = lists[0].quantize.front();
        e[3].quantize.removeAll(first);
        e[3].keep.emplace_back(first, QStringLiteral("cut"));
        QStringList expected = { QStringLiteral("not-nested") };
        if (!FusedGroups::groupKey(first).isEmpty())
            expected.append(QStringLiteral("split-fused-group"));
        expected.sort();
        QCOMPARE(kinds(e), expected);
    }

    // Partners get one group wherever they stand in model order; others one each.
    void fusedGroups_data()
    {
        QTest::addColumn<QStringList>("names");
        QTest::addColumn<bool>("fuse");
        QTest::addColumn<QList<int>>("groups");
        const auto list = [](const char16_t* names) { return QString::fromUtf16(names).split(u' '); };
        const QStringList adjacent
            = list(u"a.gate_proj a.up_proj a.down_proj b.gate_proj c.norm b.up_proj b.down_proj");
        QTest::newRow("adjacent and split") << adjacent << true << QList<int> { 0, 0, 1, 2, 3, 2, 4 };
        QTest::newRow("no fusion") << adjacent << false << QList<int> { 0, 1, 2, 3, 4, 5, 6 };
        QTest::newRow("interleaved") << list(u"a.q_proj b.q_proj a.k_proj x.norm b.k_proj a.v_proj b.v_proj")
                                     << true << QList<int> { 0, 1, 0, 2, 1, 0, 1 };
        QTest::newRow("same leaf, other kind") << list(u"a.q_proj a.gate_proj a.k_proj a.up_proj a.w1 a.w3")
                                               << true << QList<int> { 0, 1, 0, 1, 2, 2 };
    }
    void fusedGroups()
    {
        QFETCH(QStringList, names);
        QFETCH(bool, fuse);
        QFETCH(QList<int>, groups);
        std::vector<Op> ops;
        for (const QString& name : names)
            ops.push_back({ name, QStringLiteral("Linear"), {}, 0, 1 });
        const std::vector<int> assigned = FusedGroups::assign(Inventory(std::move(ops)), fuse);
        QCOMPARE(QList<int>(assigned.begin(), assigned.end()), groups);
    }

    void agreement()
    {
        const Agreement same = Agreement::compute({ 1, 2, 3, 4 }, { 10, 20, 30, 40 });
        QCOMPARE(same.spearman, 1.0);
        QCOMPARE(same.kendall, 1.0);
        QCOMPARE(same.topKOverlap, 1.0);
        const Agreement reversed = Agreement::compute({ 1, 2, 3, 4 }, { 4, 3, 2, 1 });
        QCOMPARE(reversed.spearman, -1.0);
        QCOMPARE(reversed.kendall, -1.0);
        // Hand-counted: 6 concordant, 4 discordant pairs of 10.
        QVERIFY(std::abs(Agreement::compute({ 1, 2, 3, 4, 5 }, { 3, 4, 1, 2, 5 }).kendall - 0.2) < 1e-12);
        // tau-b with one tie on each side: (4 - 0) / sqrt(5 * 5).
        QVERIFY(std::abs(Agreement::compute({ 1, 1, 2, 3 }, { 1, 2, 2, 3 }).kendall - 0.8) < 1e-12);
        const double nan = std::nan("");
        const Agreement skipped = Agreement::compute({ 1, nan, 3, 4 }, { 1, 2, nan, 4 });
        QCOMPARE(skipped.common, 2);
    }

    // An edit re-derives only what it reaches (hand edits and the combination re-rank from the basis, rules
    // re-decide by name shape): after each, the project is what a fresh derivation of its inputs gives.
    void incrementalDeriveMatchesFresh_data()
    {
        QTest::addColumn<QString>("edit");
        for (const char* edit : { "keep", "int8", "keep-fused", "rules", "combine-max", "combine-weighted",
                 "unfuse", "order", "metrics", "keep-carrying-cuts" })
            QTest::newRow(edit) << QString::fromLatin1(edit);
    }

    void incrementalDeriveMatchesFresh()
    {
        QFETCH(QString, edit);
        const Inventory inv = smallDecoder(6);
        // Coarse scores (ties) and one metric that skips the attention: units with partial evidence.
        Metric coarse = scoreLinears(
            inv, QStringLiteral("a"), Polarity::HigherIsMoreSensitive, [](int layer, const QString& leaf) {
                return double(layer % 3) + (leaf == u"down_proj" ? 1 : 0);
            });
        Metric mlp = scoreLinears(inv, QStringLiteral("b"), Polarity::LowerIsMoreSensitive,
            [](int layer, const QString& leaf) { return leaf.startsWith(u"q_") ? 7.0 : 10.0 - layer; });
        std::erase_if(mlp.entries, [](const MetricEntry& e) { return e.name.contains(u"self_attn.o"); });
        Project p = decoderProject(6, { coarse, mlp });
        const QString mid
            = p.inventory().at(p.ranking().units[size_t(p.ranking().order[10])].members.front()).name;
        if (edit == u"keep")
            p.setOverrides({ { mid, Override::Action::Keep, {} } });
        else if (edit == u"int8")
            p.setOverrides(
                { { QStringLiteral("model.layers.2.mlp.down_proj"), Override::Action::Int8, {} } });
        else if (edit == u"keep-fused")
            p.setOverrides(
                { { QStringLiteral("model.layers.4.self_attn.k_proj"), Override::Action::Keep, {} } });
        else if (edit == u"keep-carrying-cuts")
            p.setOverridesKeepingCuts({ { mid, Override::Action::Keep, {} } });
        else if (edit == u"rules") {
            RuleSet rules = p.rules();
            rules.rules().front().enabled = false;
            Rule firstLayers;
            firstLayers.name = QStringLiteral("first-layers");
            firstLayers.namePattern = QStringLiteral("*.mlp.*");
            firstLayers.layerFrom = 0;
            firstLayers.layerTo = 1;
            rules.append(firstLayers);
            p.setRules(rules);
        } else if (edit == u"combine-max")
            p.setCombine(CombineSpec::parse(QStringLiteral("max-rank")));
        else if (edit == u"combine-weighted")
            p.setCombine(CombineSpec::parse(QStringLiteral("weighted:a=3,b=1")));
        else if (edit == u"unfuse")
            p.setFuseGroups(false);
        else if (edit == u"order") {
            CutPlan plan = p.cutPlan();
            plan.order = RankOrder::ScorePerParam;
            p.setCutPlan(plan);
        } else if (edit == u"metrics")
            p.setMetrics({ mlp });
        const Project fresh(p.inputs());
        const Ranking& r = p.ranking();
        const Ranking& f = fresh.ranking();
        QCOMPARE(r.state, f.state);
        QCOMPARE(r.rule, f.rule);
        QCOMPARE(r.partner, f.partner);
        QCOMPARE(r.overrideIndex, f.overrideIndex);
        QCOMPARE(r.unitOf, f.unitOf);
        QCOMPARE(r.order, f.order);
        QCOMPARE(r.cumOps, f.cumOps);
        QCOMPARE(r.cumParams, f.cumParams);
        QCOMPARE(r.forcedOps, f.forcedOps);
        QCOMPARE(r.totalParams, f.totalParams);
        for (size_t u = 0; u < r.units.size(); ++u) {
            QCOMPARE(r.units[u].score, f.units[u].score);
            QCOMPARE(r.units[u].partial, f.units[u].partial);
            QCOMPARE(std::vector<int>(r.units[u].members.begin(), r.units[u].members.end()),
                std::vector<int>(f.units[u].members.begin(), f.units[u].members.end()));
        }
        QCOMPARE(p.cuts().size(), fresh.cuts().size());
        for (size_t c = 0; c < p.cuts().size(); ++c)
            QCOMPARE(p.cuts()[c].units, fresh.cuts()[c].units);
        // The edit did something: every case moves some op or score.
        const Project before = decoderProject(6, { coarse, mlp });
        QVERIFY(r.state != before.ranking().state || r.order != before.ranking().order
            || r.units.size() != before.ranking().units.size());
    }

    // The statistics against their definitions counted pair by pair, on values with many ties (coarse
    // scores are common) and with NaNs, at sizes where the merge sort has uneven halves.
    void agreementMatchesPairwiseDefinitions_data()
    {
        QTest::addColumn<int>("size");
        QTest::addColumn<int>("levels"); // distinct values per metric: few = many ties
        QTest::addColumn<int>("seed");
        for (const int size : { 2, 3, 7, 64, 257, 1000 }) {
            for (const int levels : { 2, 5, 1000000 })
                QTest::addRow("n%d-levels%d", size, levels) << size << levels << size * 31 + levels;
        }
    }

    void agreementMatchesPairwiseDefinitions()
    {
        QFETCH(int, size);
        QFETCH(int, levels);
        QFETCH(int, seed);
        std::mt19937 rng { quint32(seed) };
        std::uniform_int_distribution<int> level(0, levels - 1);
        std::vector<double> a, b;
        for (int i = 0; i < size; ++i) {
            a.push_back(i % 13 == 5 ? std::nan("") : double(level(rng)));
            b.push_back(i % 17 == 3 ? std::nan("") : double(level(rng)) * 0.5 - 3.0);
        }
        std::vector<double> x, y;
        for (size_t i = 0; i < a.size(); ++i) {
            if (!std::isnan(a[i]) && !std::isnan(b[i])) {
                x.push_back(a[i]);
                y.push_back(b[i]);
            }
        }
        const Agreement ag = Agreement::compute(a, b);
        const int n = int(x.size());
        QCOMPARE(ag.common, n);
        if (n < 2)
            return;
        long long concordant = 0, discordant = 0, tiedX = 0, tiedY = 0;
        for (int i = 0; i < n; ++i) {
            for (int j = i + 1; j < n; ++j) {
                const double dx = x[size_t(i)] - x[size_t(j)];
                const double dy = y[size_t(i)] - y[size_t(j)];
                tiedX += dx == 0;
                tiedY += dy == 0;
                if (dx * dy > 0)
                    ++concordant;
                else if (dx * dy < 0)
                    ++discordant;
            }
        }
        const long long pairs = (long long)n * (n - 1) / 2;
        const double denom = std::sqrt(double(pairs - tiedX) * double(pairs - tiedY));
        QCOMPARE_LE(
            std::abs(ag.kendall - (denom > 0 ? double(concordant - discordant) / denom : 0.0)), 1e-12);
        // Spearman: Pearson over average ranks (rank = 1 + below + (equal - 1) / 2).
        auto ranks = [n](const std::vector<double>& v) {
            std::vector<double> r(static_cast<size_t>(n));
            for (int i = 0; i < n; ++i) {
                int below = 0, equal = 0;
                for (int j = 0; j < n; ++j) {
                    below += v[size_t(j)] < v[size_t(i)];
                    equal += v[size_t(j)] == v[size_t(i)];
                }
                r[size_t(i)] = 1.0 + below + (equal - 1) / 2.0;
            }
            return r;
        };
        const std::vector<double> rx = ranks(x), ry = ranks(y);
        double mx = 0, my = 0;
        for (int i = 0; i < n; ++i) {
            mx += rx[size_t(i)] / n;
            my += ry[size_t(i)] / n;
        }
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; ++i) {
            sxy += (rx[size_t(i)] - mx) * (ry[size_t(i)] - my);
            sxx += (rx[size_t(i)] - mx) * (rx[size_t(i)] - mx);
            syy += (ry[size_t(i)] - my) * (ry[size_t(i)] - my);
        }
        QCOMPARE_LE(std::abs(ag.spearman - (sxx > 0 && syy > 0 ? sxy / std::sqrt(sxx * syy) : 0.0)), 1e-9);
        // Top-k: the k largest, ties to the lower position.
        const int k = std::max(1, n / 10);
        QCOMPARE(ag.topK, k);
        auto top = [n, k](const std::vector<double>& v) {
            std::vector<int> idx(static_cast<size_t>(n));
            std::iota(idx.begin(), idx.end(), 0);
            std::stable_sort(
                idx.begin(), idx.end(), [&](int p, int q) { return v[size_t(p)] > v[size_t(q)]; });
            idx.resize(size_t(k));
            std::sort(idx.begin(), idx.end());
            return idx;
        };
        const std::vector<int> tx = top(x), ty = top(y);
        std::vector<int> both;
        std::set_intersection(tx.begin(), tx.end(), ty.begin(), ty.end(), std::back_inserter(both));
        QCOMPARE(ag.topKOverlap, double(both.size()) / double(k));
    }
};

QTEST_GUILESS_MAIN(TestEngine)
#include "tst_engine.moc"
