#include "Seeds.h"
#include "check/Checker.h"
#include "document/ProfileDocument.h"
#include "inventory/InventoryReader.h"
#include "metrics/MetricImporter.h"
#include "rules/RuleSet.h"

namespace qc::seeds {

namespace {
// A project as `profiles` builds it: default rules, the example's cut plan, every metric of the slice.
Project baseProject(const Slice& slice)
{
    Project project;
    project.setInventory(slice.inventory);
    std::vector<Metric> metrics = slice.metrics;
    for (Metric& m : metrics)
        m.id = m.key;
    project.setMetrics(std::move(metrics));
    project.setRules(RuleSet::defaults());
    project.setCutPlan(CutPlan::defaults());
    return project;
}

// Variants that reach the file's optional parts: presets, overrides, each combination and cut measure,
// an inventory from the rankings, and AutoQuant sources with costs, candidates and run facts.
std::vector<std::pair<QString, Project>> projects(const SeedSink& sink, const Slice& slice)
{
    std::vector<std::pair<QString, Project>> out;
    Project plain = baseProject(slice);
    out.emplace_back(QStringLiteral("example"), plain);

    Project edited = plain;
    RuleSet rules = RuleSet::defaults();
    rules.append(RuleSet::languageModelOnlyRule());
    Rule regex;
    regex.name = QStringLiteral("keep-early-down");
    regex.namePattern = QStringLiteral(R"(.*layers\.[01]\.mlp\.down_proj)");
    regex.syntax = Rule::Syntax::Regex;
    regex.opTypes = { QStringLiteral("Linear") };
    regex.layerFrom = 0;
    regex.layerTo = 1;
    regex.reason = QStringLiteral("first layers' down_proj are outliers");
    rules.append(regex);
    edited.setRules(rules);
    edited.setOverrides({ { QStringLiteral("model.language_model.layers.0.self_attn.o_proj"),
                              Override::Action::Keep, QStringLiteral("reviewed: keep") },
        { QStringLiteral("model.visual.merger.mlp.0"), Override::Action::Int8, {} } });
    edited.setCombine(CombineSpec::parse(QStringLiteral("max-rank")));
    CutPlan byParams = CutPlan::defaults();
    byParams.by = CutPlan::CutBy::Params;
    edited.setCutPlan(byParams);
    out.emplace_back(QStringLiteral("edited"), edited);

    Project weighted = plain;
    QStringList weights;
    for (const Metric& m : weighted.metrics())
        weights.append(m.id + QStringLiteral("=") + QString::number(weights.size() + 1));
    weighted.setCombine(CombineSpec::parse(QStringLiteral("weighted:") + weights.join(QLatin1Char(','))));
    CutPlan bits;
    bits.by = CutPlan::CutBy::Bits;
    bits.order = CutPlan::Order::ScorePerParam;
    bits.profiles = CutPlan::parseCuts(QStringLiteral("A=12,B=10"));
    weighted.setCutPlan(bits);
    out.emplace_back(QStringLiteral("weighted_bits"), weighted);

    ProjectInputs fromRankings = plain.inputs();
    fromRankings.useRankedNamesAsInventory();
    Project rankings(std::move(fromRankings));
    CutPlan count;
    count.by = CutPlan::CutBy::Count;
    count.profiles = CutPlan::parseCuts(QStringLiteral("3,9"));
    rankings.setCutPlan(count);
    rankings.setFuseGroups(false);
    out.emplace_back(QStringLiteral("from_rankings"), rankings);

    Project autoquant;
    autoquant.setInventory(
        InventoryReader::read(sink.source(QStringLiteral("tests/data/frameworks/qwen2_5_vl_tiny.ops.csv"))));
    std::vector<Metric> metrics = MetricImporter::import(
        sink.source(QStringLiteral("tests/data/frameworks/autoquant.manifest.json")));
    metrics.front().flipped = true;
    metrics.front().allMeasured = true;
    autoquant.setMetrics(std::move(metrics));
    autoquant.setRules(RuleSet::defaults());
    CutPlan score;
    score.by = CutPlan::CutBy::Score;
    score.profiles = CutPlan::parseCuts(QStringLiteral("0.3,0.6,0.9"));
    autoquant.setCutPlan(score);
    out.emplace_back(QStringLiteral("frameworks_autoquant"), autoquant);
    return out;
}
} // namespace

void writeProfileSeeds(SeedSink& sink, const Slice& slice)
{
    for (auto& [name, project] : projects(sink, slice)) {
        const QByteArray yaml = ProfileDocument::toYaml(project, Checker::check(project));
        sink.add(QStringLiteral("profile_file"), name + QStringLiteral(".profiles.yaml"), yaml);
        sink.add(QStringLiteral("rules"), name + QStringLiteral(".profiles.yaml"), yaml);
        // fuzz_export's selector: option bits (dynamic, no SmoothQuant, GPTQ, alpha, FP8) and the profile.
        for (const uint8_t selector : { 0x00, 0x03, 0x1c, 0x20, 0x41, 0x7f })
            sink.add(QStringLiteral("export"),
                name + QStringLiteral(".%1.profiles.yaml").arg(selector, 2, 16, QLatin1Char('0')), selector,
                yaml);
    }
    const QByteArray malformed = sink.read(QStringLiteral("tests/data/cli/bad/malformed_profiles.yaml"));
    sink.add(QStringLiteral("profile_file"), QStringLiteral("cli.bad.malformed_profiles.yaml"), malformed);
    sink.add(QStringLiteral("export"), QStringLiteral("cli.bad.malformed_profiles.yaml"), 0, malformed);

    const QDir cli(sink.source(QStringLiteral("tests/data/cli")));
    for (const QString& name : cli.entryList({ QStringLiteral("*.rules.yaml") }, QDir::Files))
        sink.add(QStringLiteral("rules"), QStringLiteral("cli.") + name,
            sink.read(QStringLiteral("tests/data/cli/") + name));
    const QDir bad(sink.source(QStringLiteral("tests/data/cli/bad")));
    for (const QString& name : bad.entryList({ QStringLiteral("*.rules.yaml") }, QDir::Files))
        sink.add(QStringLiteral("rules"), QStringLiteral("cli.bad.") + name,
            sink.read(QStringLiteral("tests/data/cli/bad/") + name));
}

} // namespace qc::seeds
