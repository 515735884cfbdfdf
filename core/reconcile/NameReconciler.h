#pragma once

#include "inventory/Inventory.h"
#include "metrics/Metric.h"

#include <QHash>
#include <QMap>
#include <QString>
#include <QStringList>
#include <vector>

namespace qc {

// How one source name was matched to the inventory.
struct NameMatch
{
    int op = -1; // inventory index, -1 when unmatched or ambiguous
    QString how; // "exact", "strip .module", "prefix 'visual.' -> 'model.visual.'", "group of ...q_proj", ...
    QStringList candidates; // when ambiguous: every inventory op it could be
};

// Every entry of one metric, accounted for: matched (and how), unmatched, or ambiguous.
// Four bytes an entry: at a million entries per metric the full NameMatch of each (56 bytes) would be a
// tenth of the peak memory, and only the op is read per entry; how names matched is kept as counts.
struct Reconciliation
{
    std::vector<int> ops; // parallel to Metric::entries: the inventory index, -1 when unmatched or ambiguous
    QMap<QString, int> countByHow;
    QStringList unmatched; // source names, in source order
    QStringList ambiguous; // source names, in source order
    // The entries that match several ops, in source order: entry index and every op it could be.
    std::vector<std::pair<int, QStringList>> candidates;

    int matchedCount() const { return int(ops.size()) - int(unmatched.size()) - int(ambiguous.size()); }
};

// Maps source names onto inventory ops across the naming differences of the tools: INC's QuantWrapper
// ".module", ModelOpt ".quant_recipe" and quantizer names, parameter ".weight"/".bias", LM-only runs without
// the leading "model.", and transformers < 4.52 ("model.layers.N", "visual.") against >= 4.52
// ("model.language_model.layers.N", "model.visual."). Names are compared in one canonical form.
class NameReconciler
{
public:
    explicit NameReconciler(const Inventory& inventory);

    NameMatch match(const QString& sourceName) const;
    Reconciliation reconcile(const Metric& metric) const;

    // The canonical form both sides are compared in; exposed for tests.
    static QString canonical(const QString& name, QStringList* strippedSuffixes = nullptr);

private:
    void buildCanonicalIndex() const;

    const Inventory& m_inventory;
    mutable bool m_indexed = false;
    mutable QHash<QString, int> m_byCanonical; // -2 marks a canonical name shared by several ops
    mutable QMultiHash<QString, int> m_collisions;
};

} // namespace qc
