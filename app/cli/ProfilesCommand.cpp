#include "ArgumentList.h"
#include "CliContext.h"
#include "MetricArguments.h"
#include "OutcomeArguments.h"
#include "budget/BudgetOptimum.h"
#include "check/Checker.h"
#include "document/ProfileDocument.h"
#include "inventory/InventoryReader.h"
#include "io/AtomicWriter.h"
#include "profile/ProfileCutter.h"
#include "reconcile/NameReconciler.h"

#include <array>
#include <stdexcept>

namespace qc::cli {

namespace {
RuleSet buildRules(const ArgumentList& args)
{
    RuleSet rules = args.has(QStringLiteral("--no-default-rules")) ? RuleSet() : RuleSet::defaults();
    for (const QString& file : args.values(QStringLiteral("--rules"))) {
        const RuleSet fileRules = ProfileDocument::loadRules(file);
        for (const Rule& rule : fileRules.rules())
            rules.append(rule);
    }
    for (const QString& preset : args.values(QStringLiteral("--preset"))) {
        if (preset != QLatin1String("lm-only"))
            throw UsageError { QStringLiteral("unknown preset '%1' (known: lm-only)").arg(preset) };
        rules.append(RuleSet::languageModelOnlyRule());
    }
    return rules;
}

std::vector<Override> parseOverrides(const QStringList& items)
{
    std::vector<Override> overrides;
    for (const QString& item : items) {
        const qsizetype eq = item.lastIndexOf(QLatin1Char('='));
        const QString rest = eq > 0 ? item.mid(eq + 1) : QString();
        const QString action = rest.section(QLatin1Char(':'), 0, 0);
        if (eq <= 0 || (action != QLatin1String("keep") && action != QLatin1String("int8")))
            throw UsageError { QStringLiteral("--override expects OP=keep|int8[:NOTE], got '%1'").arg(item) };
        overrides.push_back({ item.left(eq),
            action == QLatin1String("keep") ? Override::Action::Keep : Override::Action::Int8,
            rest.section(QLatin1Char(':'), 1) });
    }
    return overrides;
}

CutPlan buildCutPlan(const ArgumentList& args, const Inventory& inventory)
{
    CutPlan plan = CutPlan::defaults();
    if (args.has(QStringLiteral("--cut-by"))) {
        const auto by = CutPlan::parseCutBy(args.value(QStringLiteral("--cut-by")));
        if (!by)
            throw UsageError { QStringLiteral(
                "--cut-by must be ops, params, count, score, bits or memory-gb") };
        plan.by = *by;
    }
    if (args.has(QStringLiteral("--order"))) {
        const auto order = CutPlan::parseOrder(args.value(QStringLiteral("--order")));
        if (!order)
            throw UsageError { QStringLiteral("--order must be score or score-per-param") };
        plan.order = *order;
    }
    if (plan.order != CutPlan::Order::Score && plan.by == CutPlan::CutBy::Score)
        throw UsageError { QStringLiteral("--cut-by score needs --order score (scores do not rise along "
                                          "another order)") };
    if (args.has(QStringLiteral("--cuts"))) {
        try {
            plan.profiles = CutPlan::parseCuts(args.value(QStringLiteral("--cuts")));
        } catch (const std::invalid_argument& e) {
            throw UsageError { QStringLiteral("--cuts: ") + QString::fromUtf8(e.what()) };
        }
    } else if (plan.by == CutPlan::CutBy::Count || CutPlan::isBudget(plan.by)) {
        throw UsageError { QStringLiteral(
            "--cut-by %1 needs --cuts with its values (e.g. --cuts 14,12,10,8.5 "
            "for bits)")
                               .arg(CutPlan::cutByName(plan.by)) };
    }
    for (const ProfileSpec& spec : plan.profiles) {
        if (const QString error = plan.cutError(spec); !error.isEmpty())
            throw UsageError { error };
    }
    const QString needsParams = plan.order != CutPlan::Order::Score
        ? QStringLiteral("--order ") + CutPlan::orderName(plan.order)
        : plan.by == CutPlan::CutBy::Params || CutPlan::isBudget(plan.by)
        ? QStringLiteral("--cut-by ") + CutPlan::cutByName(plan.by)
        : QString();
    if (!needsParams.isEmpty() && !inventory.hasParams())
        throw UsageError { needsParams
            + QStringLiteral(" needs an inventory with parameter counts (--inventory)") };
    return plan;
}

QString evidenceSummary(const OpScores& scores)
{
    const std::array<int, 4> counts = scores.countByEvidence();
    return QStringLiteral("%1 ops measured, %2 no signal, %3 not a candidate")
        .arg(counts[size_t(Evidence::Measured)])
        .arg(counts[size_t(Evidence::NoSignal)])
        .arg(counts[size_t(Evidence::NotCandidate)]);
}

// The best non-nested choice at the same budget, for scale.
void printOptimum(const BudgetOptimum& o)
{
    if (!o.solved) {
        err() << "  exact optimum at this budget: not solved (" << o.why << ')' << Qt::endl;
        return;
    }
    err() << "  exact optimum at this budget (not nested): summed score "
          << QString::number(o.optimumScore, 'f', 4) << " vs " << QString::number(o.nestedScore, 'f', 4)
          << " nested ("
          << QString::number(
                 o.optimumScore > 0 ? 100.0 * (o.nestedScore - o.optimumScore) / o.optimumScore : 0.0, 'f', 2)
          << "% above), " << o.optimumOps << " ops, Jaccard " << QString::number(o.jaccard, 'f', 3)
          << Qt::endl;
}

void printSummary(const Project& project, const std::vector<Violation>& violations)
{
    for (size_t m = 0; m < project.metrics().size(); ++m) {
        const Metric& metric = project.metrics()[m];
        const Reconciliation& rec = project.reconciliations()[m];
        err() << "source " << metric.id << " (" << metric.format << ", " << polarityName(metric.polarity())
              << "): " << metric.entries.size() << " names, " << rec.matchedCount() << " matched, "
              << rec.unmatched.size() << " unmatched, " << rec.ambiguous.size() << " ambiguous; "
              << evidenceSummary(project.scores()[m]) << Qt::endl;
    }
    const qint64 params = project.inventory().totalParams();
    for (int p = 0; p < project.profileCount(); ++p) {
        const ProfileSpec& spec = project.cutPlan().profiles[size_t(p)];
        const ProfileCut& cut = project.cuts()[size_t(p)];
        err() << "profile " << spec.name << " (" << spec.label << ", cut " << spec.cut << "): " << cut.ops
              << " of " << project.inventory().size() << " ops INT8";
        if (params > 0)
            err() << ", " << QString::number(100.0 * double(cut.params) / double(params), 'f', 1)
                  << "% of parameters, "
                  << QString::number(
                         ProfileCutter::cutForUnits(project.ranking(), CutPlan::CutBy::Bits, cut.units), 'f',
                         2)
                  << " effective bits, "
                  << QString::number(
                         ProfileCutter::cutForUnits(project.ranking(), CutPlan::CutBy::MemoryGb, cut.units),
                         'f', 3)
                  << " GB of weights";
        err() << Qt::endl;
        if (CutPlan::isBudget(project.cutPlan().by))
            printOptimum(BudgetOptimum::of(project, p));
    }
    for (const Violation& v : violations) {
        if (v.severity == Violation::Severity::Error)
            err() << "error " << kindName(v.kind) << ": " << v.message << Qt::endl;
    }
    err() << Checker::errorCount(violations) << " errors, "
          << violations.size() - size_t(Checker::errorCount(violations)) << " warnings" << Qt::endl;
}
} // namespace

int runProfiles(const QStringList& argv)
{
    const ArgumentList args(argv,
        { QStringLiteral("--inventory"), QStringLiteral("--metric"), QStringLiteral("--format"),
            QStringLiteral("--flip"), QStringLiteral("--all-measured"), QStringLiteral("--combine"),
            QStringLiteral("--cuts"), QStringLiteral("--cut-by"), QStringLiteral("--order"),
            QStringLiteral("--components"), QStringLiteral("--rules"), QStringLiteral("--preset"),
            QStringLiteral("--override"), QStringLiteral("--outcome"), QStringLiteral("-o"),
            QStringLiteral("--output") },
        { QStringLiteral("--no-default-rules"), QStringLiteral("--no-fuse") });
    if (!args.positionals().isEmpty())
        throw UsageError { QStringLiteral("unexpected argument '%1'").arg(args.positionals().front()) };
    const QString output = args.value(QStringLiteral("-o"), args.value(QStringLiteral("--output")));
    if (output.isEmpty())
        throw UsageError { QStringLiteral("missing -o FILE") };
    QStringList inputFiles = metricFiles(args) + args.values(QStringLiteral("--rules"))
        + args.values(QStringLiteral("--components")) + outcomeFiles(args);
    if (args.has(QStringLiteral("--inventory")))
        inputFiles += InventoryReader::inputFiles(args.value(QStringLiteral("--inventory")));
    refuseInputAsOutput(output, inputFiles);

    if (metricFiles(args).isEmpty())
        throw UsageError { QStringLiteral("at least one --metric FILE is needed") };
    ProjectInputs inputs;
    const OpClassifier classifier = args.has(QStringLiteral("--components"))
        ? OpClassifier::withUserRules(args.value(QStringLiteral("--components")))
        : OpClassifier::defaults();
    if (args.has(QStringLiteral("--inventory"))) {
        // The inventory first: each metric's names then share the inventory's strings as they are read, so
        // a million-op run never holds a name once per metric.
        inputs.inventory = InventoryReader::read(args.value(QStringLiteral("--inventory")), classifier);
        inputs.metrics = readMetrics(args, &inputs.inventory);
    } else {
        inputs.metrics = readMetrics(args);
        inputs.useRankedNamesAsInventory(classifier);
    }
    inputs.rules = buildRules(args);
    const QStringList ruleErrors = inputs.rules.validate();
    if (!ruleErrors.isEmpty())
        throw UsageError { ruleErrors.join(QStringLiteral("; ")) };
    inputs.overrides = parseOverrides(args.values(QStringLiteral("--override")));
    try {
        inputs.combine = CombineSpec::parse(args.value(QStringLiteral("--combine")));
    } catch (const std::invalid_argument& e) {
        throw UsageError { QStringLiteral("--combine: ") + QString::fromUtf8(e.what()) };
    }
    inputs.fuseGroups = !args.has(QStringLiteral("--no-fuse"));
    inputs.cutPlan = buildCutPlan(args, inputs.inventory);
    Project project = [&] {
        try {
            return Project(std::move(inputs));
        } catch (const std::invalid_argument& e) {
            throw UsageError { QString::fromUtf8(e.what()) };
        }
    }();
    if (args.has(QStringLiteral("--outcome"))) {
        std::vector<Outcome> outcomes;
        attachOutcomeArguments(args, outcomes, project.lists());
        project.setOutcomes(std::move(outcomes));
    }
    const std::vector<Violation> violations = Checker::check(project);
    ProfileDocument::save(project, violations, output);
    printSummary(project, violations);
    return Ok;
}

} // namespace qc::cli
