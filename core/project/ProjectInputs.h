#pragma once

#include "inventory/Inventory.h"
#include "inventory/OpClassifier.h"
#include "metrics/Metric.h"
#include "outcomes/Outcome.h"
#include "profile/CutPlan.h"
#include "ranking/CombineSpec.h"
#include "rules/Override.h"
#include "rules/RuleSet.h"

#include <vector>

namespace qc {

// What the user chooses about a source after loading it: its name, its polarity, whether every value counts.
struct MetricChoice
{
    QString label;
    bool flipped = false;
    bool allMeasured = false;

    static MetricChoice of(const Metric& metric)
    {
        return { metric.label, metric.flipped, metric.allMeasured };
    }
    void applyTo(Metric& metric) const
    {
        metric.label = label;
        metric.flipped = flipped;
        metric.allMeasured = allMeasured;
    }
    bool operator==(const MetricChoice&) const = default;
};

// Everything a Project is computed from, as the profile file, the command line or the explorer gives it.
struct ProjectInputs
{
    Inventory inventory;
    bool inventoryFromRankings = false; // no inventory was given: the ranked names serve
    std::vector<Metric> metrics;
    RuleSet rules = RuleSet::defaults();
    std::vector<Override> overrides;
    CombineSpec combine;
    bool fuseGroups = true;
    CutPlan cutPlan = CutPlan::defaults();
    // Measured results of the profiles' quantized variants: shown beside them, never part of the derivation.
    std::vector<Outcome> outcomes;

    // When no inventory was given: the union of the ranked names (with their types) serves.
    void useRankedNamesAsInventory(const OpClassifier& classifier = OpClassifier::defaults());
    int metricIndex(const QString& id) const;
    QStringList inputFiles() const;
};

} // namespace qc
